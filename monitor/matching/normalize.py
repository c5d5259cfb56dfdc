"""Normalisation of names and text: Unicode folding, transliteration, tokens, phonetic keys.

Transliteration uses `anyascii` (ISC licence, pure Python, maintained, covers every script
including Cyrillic, Greek, Arabic, Hebrew, CJK and Hangul). PyICU would be more exact for some
scripts but needs the ICU C++ library at install time; unidecode is GPL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from anyascii import anyascii

from monitor.matching.syllabaries import HANGUL, HIRAGANA, KATAKANA, romanise
from monitor.matching.vocab import zipf

# Scholarly/Slavic diacritics that carry a digraph in English romanisation (ž = zh).
_PRE_MAP = str.maketrans({
    "ž": "zh", "Ž": "Zh", "š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ć": "ch", "Ć": "Ch",
    "ř": "rzh", "Ř": "Rzh", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe",
    "ı": "i", "ł": "l", "Ł": "L", "đ": "dj", "Đ": "Dj", "ğ": "g", "Ğ": "G", "ż": "zh", "Ż": "Zh",
    "ş": "sh", "Ş": "Sh", "ș": "sh", "Ș": "Sh", "ţ": "ts", "Ţ": "Ts", "ț": "ts", "Ț": "Ts", "ə": "a", "Ə": "A",
})  # (Polish ż is zh: Prigożyn, Żukow; Turkish, Azerbaijani and Romanian ş is sh, Romanian ţ ts:
# Beşar, Şoigu, Lukaşenko; Azerbaijani ə an a where Arabic names have one: Əli, Bəşşar Əsəd)
# German umlauts are kept as the bare vowel (anyascii's choice), which matches both spellings
# once vowels are dropped from the phonetic key.


def _combining_marks() -> str:
    """Every combining mark of the Basic Multilingual Plane, as the body of a regex class."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if b > a else f"\\u{a:04x}" for a, b in ranges)


# A word is letters and digits with the marks that combine with them: a stress mark (Евге́ний),
# Arabic vowel signs (مُعَمَّر), Hebrew points and decomposed accents (NFD "Prigoz\u030cin") belong
# to the word they sit on, which Python's \w alone would split at each mark.
# So do the invisible characters that may sit inside a word: a soft hyphen (Prigo\u00adzhin), a
# zero-width joiner, a word joiner. (Not Persian's zero-width non-joiner, which parts a word as
# its consonants are compared: خامنه\u200cای, Khamenei.)
# (Runs of letters, marks between them: the common run of plain letters is matched in one step.)
_LETTERS = rf"[^\W_]+(?:[{_combining_marks()}\u00ad\u200d\u2060\ufeff]+[^\W_]*)*"
# (An apostrophe inside a word may be doubled, as SQL and CSV escape it: AL-SA''DI is AL-SA'DI.)
_WORD = re.compile(rf"{_LETTERS}(?:['’‘`ʼ]{{1,2}}{_LETTERS})*", re.UNICODE)
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
SYLLABIC = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3400-\u4dbf\u4e00-\u9fff]")
# A word's pieces where it mixes scripts: a run of katakana, a Han character, a Hangul or hiragana
# syllable, or a run of anything else (Wagner그룹: "wagner", then each syllable).
_KANA_OR_SYLLABLE = rf"{KATAKANA.pattern}|{SYLLABIC.pattern}|{HIRAGANA.pattern}"
_SYLLABIC_PIECE = re.compile(rf"{KATAKANA.pattern}+|{SYLLABIC.pattern}|{HIRAGANA.pattern}|(?:(?!{_KANA_OR_SYLLABLE}).)+",
                             re.DOTALL)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?<!^Mc)(?<!^Mac)(?=[A-Z][a-z])")  # (McDonald, MacLeod, GmbH are one word)


class Token(NamedTuple):
    """A word of the input: where it is, its folded Latin form and its phonetic keys."""

    start: int
    end: int
    norm: str
    keys: tuple[str, ...]
    capitalized: bool
    upper: bool
    gap: str  # the characters between the previous token and this one
    stem: str = ""  # the folded word without a Slavic case ending, or read with French ch as sh


_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# Modern Greek writes sounds it has no letter for with pairs of letters, and so do its
# transcriptions of foreign names: μπ is b, ντ d, γκ g, τζ j, ου u (Μπασάρ αλ Άσαντ is Bashar
# al-Assad, Τζο Μπάιντεν Joe Biden), while anyascii goes letter by letter (Mpasar al Asant).
# Vowel pairs are one sound unless the first carries the accent or the second a diaeresis
# (Μπάιντεν: a-i; Χαμενεΐ: e-i); χ is kh, as in the transcription of Khamenei and Hassan (Χασάν).
_GREEK_PAIRS = re.compile("νγκ|γκ|γγ|γχ|γξ|μπ|ντ|τζ|τσ|ου|αυ|ευ|ηυ|αι|ει|οι|υι|γι(?=[αεοουω])|.", re.DOTALL)
_GREEK_SOUNDS = {
    "νγκ": "ng", "γκ": "g", "γγ": "ng", "γχ": "nkh", "γξ": "nx", "μπ": "b", "ντ": "d", "τζ": "j", "τσ": "ts",
    "ου": "u", "αυ": "av", "ευ": "ev", "ηυ": "iv", "αι": "e", "ει": "i", "οι": "i", "υι": "i",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "i", "φ": "f",
    # γι before a vowel, and γ first before ε, are y in the transcriptions of foreign names:
    # Χανίγια is Haniya, Γιονγκ Jong (Yong), Γεβγκένι Yevgeny, Γέλτσιν Yeltsin.
    "χ": "kh", "ψ": "ps", "ω": "o", "γι": "y",
}
_ACCENTED = re.compile("([αεηιουω])\u0301")  # an accent ends a vowel pair ...
_DIAERESIS = re.compile("([ιυ])\u0308")  # ... and a diaeresis begins a new vowel
_MARKS = re.compile(r"[\u0300-\u036f]")


def _greek(word: str, nd: bool = False) -> str:
    """A word in Greek letters romanised as its sounds: 'Πούτιν' -> 'putin', 'Αμπράμοβιτς' ->
    'abramovits' (other letters are left to anyascii). Inside a word ντ is d or nd (Βλαντιμίρ is
    Vladimir, Αλεξάντρ Aleksandr): d, or with `nd` nd."""
    word = unicodedata.normalize("NFD", word.lower())
    word = _DIAERESIS.sub(r"|\1", _ACCENTED.sub(r"\1|", word))
    word = _MARKS.sub("", word)
    return "".join("y" if m.group() == "γ" and m.start() == 0 and word[1:2] == "ε" else
                   "nd" if nd and m.group() == "ντ" and m.start() > 0 else
                   _GREEK_SOUNDS.get(m.group(), m.group()) for m in _GREEK_PAIRS.finditer(word)).replace("|", "")


def greek_nd_reading(word: str) -> str:
    """A Greek word folded with its inner ντ read nd ('Αλεξάντρ' -> 'aleksandr'), '' if it has none."""
    if "ντ" not in word.lower()[1:]:
        return ""
    return fold(_greek(unicodedata.normalize("NFKC", word), nd=True))


_ARABIC_OR_HEBREW = re.compile(r"[\u0590-\u06ff]")
_ABJAD_MARKS = re.compile(r"[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_HEBREW_GERESH = re.compile("([\u05e6\u05e5\u05d2\u05d6])['\u05f3\u2019]")
_GERESH_SOUNDS = {"\u05e6": "ch", "\u05e5": "ch", "\u05d2": "j", "\u05d6": "zh"}


def _abjad_letters(word: str) -> str:
    """Letters of an Arabic or Hebrew word that anyascii reads too loosely, read first: a long a
    inside the word (ا, א), which it drops, though it tells بشار (Bashar) from بشرى (Bushra);
    Hebrew's geresh letters, the sounds Hebrew lacks (צ' ch: סצ'ין is Sechin; ג' j; ז' zh); and ב
    as b, where anyascii's v is also ו's, a vowel letter as often as not. Vowel signs and points
    (مُعَمَّر, שָׁלוֹם) are dropped: names are compared as these scripts usually write them, without."""
    word = _ABJAD_MARKS.sub("", word)
    if "\u0627" in word[1:] or "\u05d0" in word[1:]:
        word = word[0] + word[1:].replace("\u0627", "a").replace("\u05d0", "a")
    if _HEBREW_GERESH.search(word):
        word = _HEBREW_GERESH.sub(lambda m: _GERESH_SOUNDS[m.group(1)], word)
    return word.replace("\u05d1", "b")


# Hangul syllables begin at U+AC00, 588 to each first consonant; ㄹ is the sixth.
_HANGUL_FIRST = 0xAC00
_RIEUL_FIRST = (5 * 588, 6 * 588)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Fold one word to lowercase ASCII letters and digits: 'Пригожин' -> 'prigozhin'."""
    if word.isascii() and word.isalnum():
        return word.lower()  # most words of English text: nothing to normalise or transliterate
    if _GREEK.search(word):
        word = _greek(unicodedata.normalize("NFKC", word))
    elif KATAKANA.search(word):
        word = romanise(unicodedata.normalize("NFKC", word))  # (see syllabaries.py: ディ is di, not 'dei')
    elif _ARABIC_OR_HEBREW.search(word):
        word = _abjad_letters(word)
    word = unicodedata.normalize("NFKC", word).translate(_PRE_MAP)
    latin = anyascii(word).lower()
    if len(word) == 1 and _RIEUL_FIRST[0] <= ord(word) - _HANGUL_FIRST < _RIEUL_FIRST[1] and latin[:1] == "l":
        latin = "r" + latin[1:]  # a Hangul syllable beginning with ㄹ as the lists write it: 룡 Ryong, 림 Rim
    latin = _APOSTROPHES.sub("", latin)
    return _NON_ALNUM.sub("", latin)


def strip_possessive(word: str) -> str:
    """'Wagner's' -> 'Wagner'; keeps O'Brien whole."""
    for suffix in ("'s", "’s", "ʼs", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


_MULTIGRAPHS = (
    # (Russian щ: English shch, French chtch, German schtsch, and shtch between them; English j,
    # German dsch: Dschafar, Ahmadinedschad)
    ("schtsch", "s"), ("chtch", "s"), ("shtch", "s"), ("shch", "s"), ("tsch", "c"), ("dzh", "j"), ("dsch", "j"), ("sch", "s"), ("tch", "c"), ("zh", "s"), ("cz", "c"), ("sz", "s"),
    ("sh", "s"), ("ch", "c"), ("kh", "h"), ("ph", "v"), ("th", "t"), ("dh", "t"), ("dj", "j"), ("ck", "k"),
    ("gh", "k"), ("g", "k"), ("tz", "c"), ("ts", "c"), ("x", "ks"), ("q", "k"), ("w", "v"), ("f", "v"),
    ("z", "s"), ("d", "t"),
)
_VOWELS = set("aeiouy")


_MULTIGRAPH_RE = re.compile("|".join(re.escape(src) for src, _dst in _MULTIGRAPHS) + "|c(?=[eiy])|c")
_MULTIGRAPH_MAP = dict(_MULTIGRAPHS) | {"c": "k"}


def _respell(word: str) -> str:
    """Multigraphs to one sound each: 'prigozhin' -> 'prikosin' (c is s before e/i/y)."""
    return _MULTIGRAPH_RE.sub(
        lambda m: "s" if m.group() == "c" and m.end() < len(word) and word[m.end()] in "eiy"
        else _MULTIGRAPH_MAP[m.group()],
        word,
    )


def collapse(chars: Iterable[str]) -> str:
    out: list[str] = []
    for ch in chars:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _skeleton(word: str) -> str:
    """The consonants of the respelled word, doubled ones collapsed: 'prigozhin' -> 'prksn'."""
    return collapse(ch for ch in _respell(word) if ch not in _VOWELS and ch != "'")


def consonant_skeleton(word: str) -> str:
    """A word's consonants as `phonetic_keys` reads them, kh as k (Arabic خ is written either
    way: KHALAF / Kalaf): 'khalaf' -> 'klv', 'raed' -> 'rt'."""
    return _skeleton(word.replace("kh", "k"))


def _spelling(word: str) -> str:
    """A phonetic spelling that keeps vowels: 'prigozhin' -> 'prikosin', 'yevgeniy' -> 'evkeni'
    (a letter doubled as written is one before its sound is read: Bekkhan is Bekhan, not
    Bek-khan; a typo's cchiu is chiu)."""
    collapsed = collapse(_respell(collapse(word)).replace("y", "i"))
    if len(collapsed) > 2 and collapsed[0] == "i" and collapsed[1] in "eo":
        # Е and Ё begin names as Ye/E and Yo/E (Yevgeny, Evgeny); Я and Ю keep theirs (Yuzhik is
        # not Usyk, Yakub not Akub).
        collapsed = collapsed[1:]
    return collapsed


_SPELLING_RULES = (
    (re.compile(r"gu(?=[eiy])"), "g"), (re.compile(r"ou"), "u"),  # Evgueni, Oussama
    (re.compile(r"(?<=[aeiouy])[ae]h$"), "a"),  # Arabic final -eh/-ah/-a: Haniyeh = Haniya
    (re.compile(r"^eu(?=[^aeiou].)"), "ev"),  # Euro = Evro (Евро)
    (re.compile(r"eo"), "o"), (re.compile(r"eu"), "u"),  # Korean romanisations: Jeong = Jong, Eun = Un
    (re.compile(r"aw(?=[zsdtkqfhj]|n[aeiouy])"), "u"),  # Arabic و: Fawzi = Fouzi = Fuzi, Awni = Ouni (not Lawrow: w = v; not Shawn)
)
# Other readings, as spellings of their own beside the plain one (a word keeps what it had):
_ALTERNATIVE_RULES = (
    # Russian ё after a consonant is yo, io or e: Pyotr = Piotr = Petr, Fyodor = Fedor, Artyom = Artem
    # (io not before a last consonant: patriot, junior).
    (re.compile(r"(?<=[bcdfgklmnprstvz])(?:yo|io(?=[bcdfgklmnprstvz].))(?=[bcdfgklmnprstvz])"), "e"),
    # Arabic ay (ي after a fatha) is ay, ai, ei or e: Zayn = Zain = Zein, Husayn = Hussein, Sayf = Seif.
    (re.compile(r"(?<=[bdfhklmnrstvwz])(?:ay|ai|ey)(?=[bdfhklmnrstvwz])"), "ei"),
    # English spells a long i ee and a long u oo: Lee = Li, Saeed = Said, Noor = Nur, Mahmood = Mahmud.
    (re.compile(r"ee"), "i"), (re.compile(r"oo"), "u"),
    # Polish writes Russian е after a consonant ie: Miedwiediew = Medvedev, Siergiej = Sergei
    # (not English plurals: Industries is no Industres).
    (re.compile(r"(?<=[bcdfghklmnprstvwz])ie(?=[bcdfghjklmnprstvwyz])(?!s$)"), "e"),
    # Arabic names end in -ah or -a as written, and Spanish drops the h: Nasrallah = Nasralá,
    # Ansarullah = Ansarolá (the keys had both already: see `phonetic_keys`). Not a short word,
    # whose other spellings are other words: Mullah is no Mawla (Mola, Mula).
    (re.compile(r"(?<=[a-z]{4}[bdfklmnrstz])ah$"), "a"),
)


# Dutch writes u oe, sh sj, ch tsj, zh zj, and y after a vowel j: Poetin is Putin, Sjojgoe
# Shoigu, Loekasjenko Lukashenko (read all at once, as another spelling beside the plain one).
_DUTCH = re.compile(r"oe|sj|zj")
_DUTCH_RULES = ((re.compile(r"tsj"), "ch"), (re.compile(r"sj"), "sh"), (re.compile(r"zj"), "zh"),
                (re.compile(r"oe"), "u"), (re.compile(r"(?<=[aeiou])j"), "y"))


# German writes Russian х ch, ц z, and ё after a hushing sound o: Chruschtschow is Khrushchev,
# Jelzin Yeltsin, Saizew Zaitsev. A word with a German mark (sch, w, a first j before a vowel) is
# also read so: a first ch as kh, every z as ts, a last -schow as -shev (its sch, tsch and w are
# read as sh, ch and v anyway).
_GERMAN = re.compile(r"sch|w|^j[aeiou]")
_GERMAN_RULES = ((re.compile(r"^ch"), "kh"), (re.compile(r"z"), "ts"), (re.compile(r"(?<=sch)ow$"), "ev"))


# Hungarian writes Russian and Arabic names as it spells: gy for d before a soft vowel (Vlagyimir,
# Medvegyev), ny n, ty t, cs ch, zs zh, dzs j, sz s (Szergej, Prigozsin, Tyimcsenko, Kim Dzsongun).
# A word with one of its marks (not an English -ics) is also read so.
_HUNGARIAN = re.compile(r"dzs|cs(?=[aeiou])|zs|sz|gy(?=[aeiou])")
_HUNGARIAN_RULES = ((re.compile(r"dzs"), "j"), (re.compile(r"cs"), "ch"), (re.compile(r"zs"), "zh"),
                    (re.compile(r"sz"), "s"), (re.compile(r"gy(?=[aeiou])"), "d"),
                    (re.compile(r"(?:^|(?<=[aeiou]))([nt])y(?=[aeiou])"), r"\1"))


def _dutch_reading(norm: str) -> str:
    """A word read as Dutch spells foreign names ('sjojgoe' -> 'shoygu')."""
    return _rewrite(norm, _DUTCH_RULES)


def _rewrite(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """`word` with each rule of a table applied in turn."""
    for pattern, repl in rules:
        word = pattern.sub(repl, word)
    return word


# French romanisations write sh as ch (Choigou, Chekri, Allouch, Banihachemi): a long word's ch
# (not tch or sch) first or after a vowel, before a vowel or last, is read both ways. (Not
# before a consonant, as English writes Kochman, which would read as Koosman.)
_FRENCH_CH = re.compile(r"(?:^|(?<=[aeiouy]))ch(?=[aeiouy]|$)")


# French writes every sh as ch (Machtaliar, Kouchnarev, Ayach): a capitalised word of news text
# is also read so (as its other form, Token.stem), wherever its ch stands (not tch, sch). Listed
# names are not: KOCHMAN read 'koshman' would be any "Koosman" in the news.
_ANY_FRENCH_CH = re.compile(r"(?<![ts])ch")


# A romanised Korean or Chinese syllable after its first consonants: the vowels and the final.
SYLLABLE_REST = r"[aeiouy]{1,3}(?:ng|n|m|l|k|p|t|r)?"
# A syllable beginning with dz, as Polish (and with dzs Hungarian) writes a Korean j: Kim Dzong Un.
_DZ_SYLLABLE = re.compile(rf"^dzs?(?={SYLLABLE_REST}$)")
# One syllable beginning with j or ch, as Korean and Chinese names have them (Jong, Jeong, Jin;
# Chen, Cheng, Chung): its j is no French zh, its ch no French sh.
_J_CH_SYLLABLE = re.compile(rf"^(?:j|ch){SYLLABLE_REST}$")


def french_reading(norm: str) -> str:
    """A word with its every ch read as French sh ('machtaliar' -> 'mashtaliar'), or '' when
    that changes nothing or the word is one romanised syllable (Chen, Cheng are no Shen, Sheng)."""
    if "ch" not in norm or len(norm) < 4 or _J_CH_SYLLABLE.match(norm):
        return ""
    reading = _ANY_FRENCH_CH.sub("sh", norm)
    return reading if reading != norm else ""


# Spanish writes Russian х and Arabic خ as j: Jamenei is Khamenei, Mijaíl Mikhail, Jruschov
# Khrushchev. A j first or between vowels is read so where the text or the name is Spanish (its
# other form, as a case ending's stem is: see `spanish_reading`).
_SPANISH_J = re.compile(r"^j|(?<=[aeiou])j(?=[aeiou])")
SPANISH_J = "Spanish j"  # how a word met another read so
# A name with a letter Spanish writes and no letter of another language in Latin letters
# (asked of the name in lowercase)
_NOT_SPANISH = "ąćęłńśźżčďěňřšťůžäöüßőűşșţțğıåæø"
SPANISH_MARKS = re.compile(rf"^[^{_NOT_SPANISH}]*[ñáéíóú][^{_NOT_SPANISH}]*$")


def reading_how(norm: str, stem: str) -> str:
    """How a word's other form (`Token.stem`, `NameToken.stem`) reads it: French ch as sh, a
    Hangul syllable as McCune-Reischauer writes it, a j as Spanish reads it, else without an
    ending it is declined with ('inflection')."""
    return "french ch" if stem == french_reading(norm) else "McCune-Reischauer" if stem == mccune_reischauer(norm) \
        else SPANISH_J if stem == spanish_reading(norm) else "inflection"


def spanish_reading(norm: str) -> str:
    """A word of four letters or more with its first j and one between vowels read as Spanish
    reads them, kh ('jamenei' -> 'khamenei', 'mijail' -> 'mikhail'), or '' if it has none."""
    return _SPANISH_J.sub("kh", norm) if len(norm) >= 4 and "j" in norm and _SPANISH_J.search(norm) else ""


def _variants(norm: str) -> set[str]:
    """A word's readings: as written, with an ambiguous 'j' each way, with a long word's ch as
    French sh, with an Arabic aw as o, as German writes a Russian name's kh and ts."""
    norm = _rewrite(norm, _SPELLING_RULES)  # Evgueni = Evgeni, Haniyeh = Haniya, Euro = Evro
    variants = {norm}
    if "j" in norm:
        variants.add(norm.replace("j", "y"))
        if not _J_CH_SYLLABLE.match(norm):  # (French j = zh: Prigojine; Korean Jong is no Song)
            variants.add(norm.replace("j", "zh"))
    if len(norm) >= 6 and "ch" in norm:
        variants |= {_FRENCH_CH.sub("sh", v) for v in variants}
    if "aw" in norm:  # Arabic aw (و after a fatha) is also written o: Jawlani = Jolani, Dawlat = Dolat
        variants |= {_ARABIC_AW.sub("o", v) for v in variants}
    if _GERMAN.search(norm) and ("z" in norm or norm.startswith("ch") or norm.endswith("schow")):
        variants |= {_rewrite(v, _GERMAN_RULES) for v in variants}  # Jelzin = Yeltsin
    if _HUNGARIAN.search(norm):
        variants |= {_rewrite(v, _HUNGARIAN_RULES) for v in variants}  # Medvegyev = Medvedev
    if norm[:2] == "dz" and _DZ_SYLLABLE.match(norm):
        variants.add(_DZ_SYLLABLE.sub("j", norm))  # a Korean syllable as Polish writes it: Dzong = Jong
    return variants


_ARABIC_AW = re.compile(r"(?<=[bdfhjklmnrstz])aw(?=[bdfhjklmnrstz])")


@lru_cache(maxsize=200_000)
def phonetic_spellings(norm: str) -> tuple[str, ...]:
    """Phonetic spellings of a folded word, one per reading (see `_variants`)."""
    if not norm or norm.isdigit():
        return (norm,)
    variants = _variants(norm)
    spellings = {_spelling(v) for v in variants}
    for pattern, repl in _ALTERNATIVE_RULES:
        spellings.update(_spelling(alt) for v in variants if (alt := pattern.sub(repl, v)) != v)
    if _DUTCH.search(norm):
        spellings.add(_spelling(_dutch_reading(norm)))
    # Arabic and Persian names drift between e/i and o/u (Tareq/Tariq, Mohammed/Muhammad);
    # one-syllable words do not (Chen is not Chin, Chun is not Chon).
    if len(_VOWEL_GROUPS.findall(norm)) >= 2:
        spellings |= {sp.translate(_VOWEL_DRIFT) for sp in spellings}
    return tuple(sorted(spellings))


_VOWEL_DRIFT = str.maketrans("eo", "iu")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=200_000)
def phonetic_keys(norm: str) -> tuple[str, ...]:
    """Lossy consonant skeletons under which spelling variants of a name meet.

    Prigozhin, Prigojine, Prigoschin and Prigožin all give 'prgsn'; Yevgeniy, Evgeny and
    Jewgeni give 'vgn'. 'j' is ambiguous (English dzh, German y, French zh), so a word with
    a 'j' gets one key per reading.
    """
    if not norm:
        return ()
    if norm.isdigit():
        return (norm,)
    variants = _variants(norm)
    if len(norm) >= 5 and norm.endswith("ah") and norm[-3] not in _VOWELS:
        # Arabic names end in -ah or -a as written (Fadlallah / Fadlalla, Farah / Fara): the
        # word is found under both keys (and compared as written)
        variants |= {v[:-1] for v in variants if v.endswith("ah")}
    keys = []
    for variant in sorted(variants):
        key = _skeleton(variant)
        if key and key not in keys:
            keys.append(key)
    if not keys:  # all vowels ('ua', 'aya'): keep the word itself
        keys.append(norm)
    return tuple(keys)


# Belarusian and Ukrainian official romanisations beside Russian: dz for d (Dzmitry, Vadzim), h
# for g (Ihor, Siarhei, Oleh), u for v (Uladzimir, Yauhen, -au for -ov: Naumau). Vowels drift
# (akanye: Alyaksei, Alehavich), and the key keeps consonants only.
# Belarusian ts before i is a soft t (Tatsiana, Tsimafei, Kanstantsin).
_EAST_SLAVIC = (
    (re.compile(r"dz"), "d"), (re.compile(r"(?<![cgkpstz])h"), "g"), (re.compile(r"^ul(?=[aeiouy])"), "vl"),
    (re.compile(r"(?<=[aeiouy])[u](?![aeiouy])"), "v"), (re.compile(r"ts(?=i)"), "t"),
)
# Given names (and the patronymics made of them) whose Ukrainian or Belarusian form begins
# otherwise than the Russian: Mykola / Mikalai / Nikolai, Hanna / Anna, Volha / Olga, Ryhor /
# Grigory, Kostiantyn / Konstantin.
_EAST_SLAVIC_NAMES = (
    (re.compile(r"^m[iy]kola$"), "nikolai"), (re.compile(r"^(?:m[iy]k[oa]l|nikal)"), "nikol"),
    (re.compile(r"^hann?a$"), "anna"), (re.compile(r"^vol[hg]a$"), "olga"), (re.compile(r"^ryh"), "hryh"),
    (re.compile(r"^kost(?=[iy]a?nt)"), "konst"),
)


@lru_cache(maxsize=50_000)
def east_slavic_spelling(norm: str) -> str:
    """A name part spelled as the Russian romanisation would, near enough for its key and its
    first letter: Uladzimir -> vladimir, Ihor -> igor, Mykolaiovych -> nikolaiovych."""
    return _rewrite(_rewrite(norm, _EAST_SLAVIC_NAMES), _EAST_SLAVIC)


@lru_cache(maxsize=50_000)
def east_slavic_key(norm: str) -> str:
    """One consonant skeleton for the Russian, Belarusian and Ukrainian romanisations of a name
    part: Dzmitry = Dmitry, Ihar = Igor, Uladzimiravich = Vladimirovich, Naumau = Naumov,
    Mikalai = Nikolai."""
    return _skeleton(east_slavic_spelling(norm))


# Korean syllables in McCune-Reischauer (North Korea, OFAC) and Revised Romanisation: unaspirated
# ch/j, p/b, t/d, k/g begin syllables either way; eo = o, eu = u, ae = e, oe = oi = e, wo = o;
# Ri = Li = Yi (not Ryu = Yu: two names on the lists).
_KOREAN_SYLLABLE = (
    (re.compile(r"^(?:ch|j|dzs|dz)"), "j"), (re.compile(r"^ph?"), "b"), (re.compile(r"^th?"), "d"), (re.compile(r"^kh?"), "g"),
    (re.compile(r"eo"), "o"), (re.compile(r"eu"), "u"), (re.compile(r"ae"), "e"), (re.compile(r"o[ei]$"), "e"),
    (re.compile(r"wo"), "o"), (re.compile(r"^[rl](?=i)"), ""), (re.compile(r"^y(?=i)"), ""),
    # ŏ is eo, o (its breve dropped) or u in the English custom (Seong / Song / Sung, Cheol / Chol
    # / Chul, Seop / Sop / Sub); a last b is p (Seob / Seop).
    (re.compile(r"o"), "u"), (re.compile(r"b$"), "p"),
)


_MCCUNE_REISCHAUER = ((re.compile(r"eo"), "o"), (re.compile(r"eu"), "u"), (re.compile(r"ae"), "e"),
                      (re.compile(r"^g"), "k"), (re.compile(r"^d"), "t"), (re.compile(r"^b"), "p"), (re.compile(r"^j"), "ch"))


def mccune_reischauer(norm: str) -> str:
    """A Hangul syllable's Revised romanisation (`fold`'s) as McCune-Reischauer writes it, as North
    Korea and the lists do, breves and apostrophes dropped: 철 'cheol' Chol, 장 'jang' Chang, 김
    'gim' Kim, 은 'eun' Un; '' if the same."""
    found = _rewrite(norm, _MCCUNE_REISCHAUER)
    return found if found != norm else ""


@lru_cache(maxsize=20_000)
def korean_key(norm: str) -> str:
    """One spelling for a Korean syllable however romanised: Chong = Jong = Jung (= Polish Dzong,
    Hungarian Dzsong), Pong = Bong, T'aek = Taek = Daek, Ri = Li = Yi, Seop = Sop = Sub."""
    return _rewrite(norm, _KOREAN_SYLLABLE)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian and Ukrainian case endings: "Пригожина", "Пригожиным", "Вагнером".
_CASE_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ою",
                 "ах", "ях", "а", "у", "ю", "е", "я")


# Korean syllables as Russian writes them (the Kontsevich system and the press's custom: Ким Чен
# Ын is KIM Jong Un, Ким Ир Сен Kim Il Sung, Чхве Рён Хэ CHOE Ryong Hae), each with the McCune-
# Reischauer spelling the lists use, as the word's other form.
_KOREAN_IN_CYRILLIC = {
    "чен": "jong", "чон": "jong", "чжон": "jong", "ын": "un", "ир": "il", "сен": "song", "сон": "song",
    "ён": "yong", "ё": "yo", "чхоль": "chol", "чхол": "chol", "чхве": "choe", "рён": "ryong", "хэ": "hae",
    "чжу": "ju", "ёль": "yol", "хён": "hyon",
}


def _stem(word: str) -> str:
    lower = word.lower()
    for ending in _CASE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            stem = word[: -len(ending)]
            if stem[-1] in "еиЕИ":  # a name in -ей, -ий: Сергеем, Евгения are Сергей, Евгений
                stem += "й"
            return fold(stem)
    return ""


# Case endings of names in Czech, Slovak, Polish and the other Slavic languages written in Latin
# letters ("s Putinem", "Putinovi", "Prigožinem"); the short ones (-a, -u, -e) are left out:
# they end too many names as written (Ivana, Maria).
_LATIN_CASE_ENDINGS = ("ovi", "owi", "ego", "emu", "em", "om")


def _latin_stem(norm: str) -> str:
    for ending in _LATIN_CASE_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 4:
            return norm[: -len(ending)]
    return ""


@lru_cache(maxsize=300_000)
def _piece_info(piece: str) -> tuple[str, tuple[str, ...], str, bool, bool] | None:
    """What a word piece is, once per distinct piece: (norm, keys, stem, capitalized, upper)."""
    norm = fold(piece)
    if not norm:
        return None
    keys = phonetic_keys(norm)
    stem = ""
    first = piece[0]
    capitalized = first.isupper() or (first.isalpha() and not first.islower())
    if _CYRILLIC.search(piece):
        stem = _KOREAN_IN_CYRILLIC.get(piece.lower()) or _stem(piece)
    elif _GREEK.search(piece):
        stem = greek_nd_reading(piece)
    elif HANGUL.match(piece):
        stem = mccune_reischauer(norm)  # (as the lists write a Korean's name: 철 'cheol' is Chol)
    elif capitalized:
        stem = _latin_stem(norm) or french_reading(norm)  # (the word's other form)
    if stem:
        keys = tuple(dict.fromkeys(keys + phonetic_keys(stem)))
    if len(norm) > 64:  # not a word: a hash, base64, a URL fragment
        norm = norm[:64]
    return norm, keys, stem, capitalized, piece.isupper() and len(piece) > 1


@lru_cache(maxsize=300_000)
def _word_pieces(raw: str) -> tuple[tuple[int, int, tuple[str, tuple[str, ...], str, bool, bool] | None], ...]:
    """A word's pieces, once per distinct word: (offset, length, what the piece is). Hangul,
    hiragana and Han characters are syllables, each a piece of its own, a run of katakana is one
    (a foreign name, a loanword); a possessive is stripped."""
    if SYLLABIC.search(raw) or KATAKANA.search(raw):
        # (a run of katakana is a word: プーチン; Japanese writes no spaces)
        return tuple((m.start(), len(m.group()), _piece_info(m.group())) for m in _SYLLABIC_PIECE.finditer(raw))
    piece = strip_possessive(raw)
    return ((0, len(piece), _piece_info(piece)),)


@lru_cache(maxsize=300_000)
def _plain_word(raw: str) -> tuple[str, tuple[str, ...], bool, bool, str, int] | None:
    """A word that is one token (no syllables, not empty once folded), as Token fields:
    (norm, keys, capitalized, upper, stem, letters cut off its end as a possessive)."""
    pieces = _word_pieces(raw)
    if len(pieces) != 1 or pieces[0][2] is None:
        return None
    _offset, length, (norm, keys, stem, capitalized, upper) = pieces[0]
    return norm, keys, capitalized, upper, stem, len(raw) - length


_new_token = partial(tuple.__new__, Token)  # Token._make without its Python frame
_SPLIT = re.compile(f"({_WORD.pattern})", re.UNICODE)
_GAP = slice(0, 40)  # a gap is kept up to 40 characters: enough to tell a space from a paragraph


# HTML left in a text (a tag, a character entity) is no word of it and no barrier inside a
# name ("Yevgeny <b>Prigozhin</b>", "Yevgeny&nbsp;Prigozhin"); a block tag ends a line.
_MARKUP = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>]{0,200}>|&(?:[a-zA-Z]{2,8}|#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,6});")
_BLOCK_TAGS = frozenset(["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5",
                         "h6", "blockquote", "section", "article", "header", "footer", "hr", "pre", "title"])


_MARKUP_BLANK = "\u200b"  # (a zero-width space: no word, no space; dropped from the gaps)


def _blank_markup(match: re.Match[str]) -> str:
    """Markup as blanks of its length (offsets into the text stay true): a block tag as a
    paragraph break, anything else as nothing (`_MARKUP_BLANK`)."""
    size = len(match.group())
    if match.group(2) and match.group(2).lower() in _BLOCK_TAGS:
        return "\n\n" + _MARKUP_BLANK * (size - 2)
    return _MARKUP_BLANK * size


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens with offsets into `text` (Python string indices); HTML left
    in it is no word, and no part of the gaps between words; a word broken by a hyphen at a
    line's end is one token (see `_join_broken`)."""
    if ("<" in text or "&" in text) and (blanked := _MARKUP.sub(_blank_markup, text)) != text:
        tokens = [tok._replace(gap=tok.gap.replace(_MARKUP_BLANK, "")) if _MARKUP_BLANK in tok.gap else tok
                  for tok in _tokenize(blanked)]
    else:
        tokens = _tokenize(text)
    return _join_broken(text, tokens) if _LINE_END_HYPHEN.search(text) else tokens


_LINE_END_HYPHEN = re.compile(r"-[^\S\n]*\r?\n")
_BROKEN = re.compile(r"^-[^\S\n]*\r?\n[^\S\n]*$")  # the gap of a word broken at a line's end
BROKEN_WORD_ZIPF = 3.5  # a second part this common in English is a word of its own: "Russia-\nbacked"


def _join_broken(text: str, tokens: list[Token]) -> list[Token]:
    """Words broken by a hyphen at a line's end, as print and PDF text break them ("Yevgeny
    Pri-\ngozhin"), joined: a lowercase second part (both in capitals in a capitalised text) that
    is no common English word of four letters or more ("Prigozhin-\nbacked" stays two words)."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if prev is not None and _BROKEN.match(tok.gap) and (not tok.capitalized or prev.upper and tok.upper) \
                and not (len(tok.norm) >= 4 and zipf(tok.norm) >= BROKEN_WORD_ZIPF) \
                and (info := _plain_word(text[prev.start : prev.end] + text[tok.start : tok.end])) is not None:
            norm, keys, capitalized, upper, stem, _cut = info
            out[-1] = Token(prev.start, tok.end, norm, keys, capitalized, upper, prev.gap, stem)
            continue
        out.append(tok)
    return out


def _tokenize(text: str) -> list[Token]:
    """`tokenize` of a text without markup."""
    # Most of the work in C: split into [gap, word, gap, word, ..., gap], words looked up once
    # per distinct word, offsets summed; a text with syllabic scripts takes the piecewise way.
    parts = _SPLIT.split(text)
    words = parts[1::2]
    plain = list(map(_plain_word, words))
    if None in plain:
        return _tokenize_pieces(text)
    ends = list(accumulate(map(len, parts)))
    starts = ends[0:-1:2]  # a word starts where the gap before it ends
    gaps = list(map(itemgetter(_GAP), parts[0:-1:2]))
    cuts = [i for i, info in enumerate(plain) if info[5]]
    word_ends = ends[1::2]
    if cuts:  # "Russia's": the token ends before the possessive, the next gap starts there
        word_ends = list(word_ends)
        for i in cuts:
            word_ends[i] -= plain[i][5]
            if i + 1 < len(gaps):
                gaps[i + 1] = text[word_ends[i] : starts[i + 1]][_GAP]
    return list(map(_new_token, zip(
        starts, word_ends, map(itemgetter(0), plain), map(itemgetter(1), plain), map(itemgetter(2), plain),
        map(itemgetter(3), plain), gaps, map(itemgetter(4), plain), strict=True,
    )))


def _tokenize_pieces(text: str) -> list[Token]:
    """`tokenize` word piece by word piece (Hangul and Han syllables are tokens of their own)."""
    tokens: list[Token] = []
    append = tokens.append
    prev_end = 0
    for match in _WORD.finditer(text):
        base = match.start()
        for offset, length, info in _word_pieces(match.group()):
            start = base + offset
            end = start + length
            if info is None:
                prev_end = end
                continue
            norm, keys, stem, capitalized, upper = info
            gap = text[prev_end:start] if start - prev_end < 40 else text[prev_end : prev_end + 40]
            append(Token(start, end, norm, keys, capitalized, upper, gap, stem))
            prev_end = end
    return tokens


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_BENGALI = re.compile(r"[\u0980-\u09ff]")


def letter_script(word: str) -> str:
    """The script a word is written in, as far as the matcher tells them apart: "cyrillic",
    "greek", "devanagari", "bengali", else "latin"."""
    return "cyrillic" if _CYRILLIC.search(word) else "greek" if _GREEK.search(word) else \
        "devanagari" if _DEVANAGARI.search(word) else "bengali" if _BENGALI.search(word) else "latin"


def name_tokens(name: str) -> list[str]:
    """Folded words of a listed name, camel-case split for transliterated Hangul etc."""
    words: list[str] = []
    for match in _WORD.finditer(name):
        raw = match.group()
        if SYLLABIC.search(raw):
            words.extend(w for ch in raw if (w := fold(ch)))  # (a letter of another script may fold to nothing: ع)
            continue
        for part in _CAMEL.split(strip_possessive(raw)):
            norm = fold(part)[:64]  # as in text: a longer run of letters is no name word
            if norm:
                words.append(norm)
    return words


# Latvian and Lithuanian give a man's name a nominative ending, a foreign name too: Vladimirs
# Putins, Jevgeņijs Prigožins (Latvian); Vladimiras Putinas, Jevgenijus Prigožinas, Romanas
# Abramovičius (Lithuanian: -ius after a soft consonant, Abramovič-ius; -ijus keeps its j).
_BALTIC_ENDING = re.compile(r"(?:ius|[aiuy]s|(?<=[^aeious])s)$")
# (letters of Latvian and Lithuanian only: š, ž, č are Czech, Slovak, Croatian ... too, ą, ę Polish)
BALTIC_LETTERS = re.compile(r"[āēīūņļķģėįų]", re.IGNORECASE)


def baltic_stem(norm: str) -> str:
    """A folded word without a Latvian or Lithuanian nominative ending, four letters left at
    least ('prigozhinas' -> 'prigozhin', 'jevgenijs' -> 'jevgenij'), else ''."""
    found = _BALTIC_ENDING.search(norm)
    return norm[:found.start()] if found and found.start() >= 4 else ""


def _latin_case_stems(name: str) -> dict[str, str]:
    """A name in Latin letters inflected as a Slavic or Baltic language inflects it, each word
    with its stem: every word of four letters or more carries a case ending ('Vladimírem
    Putinem', 'Ramzanas Kadyrovas'), or the name has a letter of Latvian or Lithuanian only and
    its words with an ending lose it ('Sergejs Šoigu' aside: Šoigu takes none). A stem of the
    Czech and Polish endings is five letters at least: Nadeem and Hashem are no Nade-m, Hash-em."""
    words = [w for w in name_tokens(name) if len(w) > 3]
    if len(words) < 2:
        return {}
    baltic = BALTIC_LETTERS.search(name) is not None
    stems: dict[str, str] = {}
    for word in words:
        stem = _latin_stem(word)
        if len(stem) < 5:
            stem = baltic_stem(word)
        if stem:
            stems[word] = stem
        elif not baltic:
            return {}
    return stems


def script_stems(name: str, latin: bool = False) -> dict[str, str]:
    """The folded words of a name written in Cyrillic that carry a case ending, each with its
    stem: 'Владимира Путина' -> {'vladimira': 'vladimir', 'putina': 'putin'}; of one in Greek
    with an inner ντ, each with its reading as nd: 'Αλεξάντρ' -> {'aleksadr': 'aleksandr'}; and
    with `latin` (a person's name), of one in Latin letters inflected throughout
    (`_latin_case_stems`), or of one spelled as Spanish spells, each j-word with its j as kh
    (`spanish_reading`)."""
    if not _CYRILLIC.search(name) and not _GREEK.search(name):
        stems = _latin_case_stems(name) if latin else {}
        if latin and not stems and SPANISH_MARKS.match(name.lower()):  # ('Alí Jamenei': its j is kh)
            stems = {word: reading for word in name_tokens(name) if (reading := spanish_reading(word))}
        return stems
    stems = {}
    for match in _WORD.finditer(name):
        raw = strip_possessive(match.group())
        info = _piece_info(raw) if _CYRILLIC.search(raw) or _GREEK.search(raw) else None  # as text words are read
        if info and info[2]:
            stems[info[0]] = info[2]
    return stems


def normalize_phrase(text: str) -> str:
    """A phrase as a suppression rule stores it: folded words joined by single spaces."""
    return " ".join(fold(m.group()) for m in _WORD.finditer(text) if fold(m.group()))
