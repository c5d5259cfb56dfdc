"""Names written in abjads (Arabic, Hebrew, Syriac scripts) against Latin spellings.

Those scripts write consonants and long vowels only, so their romanisation has none of the
short vowels a Latin spelling has: "صدام حسين التكريتي" becomes 'sdm hsyn ltkryty'. Such a word
is compared with a Latin one by consonant classes, one per Arabic letter however romanised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from monitor.matching import vocab
from monitor.matching.normalize import collapse, phonetic_keys

_ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


_HEBREW = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")


def abjad_script(name: str) -> str:
    """'hebrew', 'arabic' (Arabic, Syriac and the other abjads) or '' for a name in none."""
    if _HEBREW.search(name):
        return "hebrew"
    return "arabic" if _ABJAD.search(name) else ""


# Hebrew as folded writes ב 'b' (see normalize.fold) and ו 'v', read here as the vowel-letter
# 'w'; ש is 's', פ 'f': a Latin b is ב, a Latin v is ב or ו, a ו is also o or u; ש is s or sh; פ
# is p or f; ח and כ are h, ch or kh; Hebrew has no j but י.
_HEBREW_LATIN = re.compile(r"sh|ch|kh|[vpj]")
_HEBREW_LATIN_MAP = {"sh": "s", "ch": "h", "kh": "h", "p": "f", "j": "y"}


def _hebrew_latin(latin: str, ch: str = "h", v: str = "w") -> str:
    """A Latin spelling in the letters a Hebrew romanisation would have ('benjamin' -> 'benyamin');
    its ch as `ch` ('ch' where the Hebrew has צ', read so by `fold`: סצ'ין is Sechin), its v as
    `v` ('w' for ו, 'b' for ב)."""
    return _HEBREW_LATIN.sub(lambda m: ch if m.group() == "ch" else v if m.group() == "v" else _HEBREW_LATIN_MAP[m.group()],
                             latin)


def _hebrew_readings(latin: str, ch: str = "h") -> tuple[str, ...]:
    """A Latin spelling as Hebrew may write it, its v as ו and as ב."""
    if "v" not in latin:
        return (_hebrew_latin(latin, ch),)
    return (_hebrew_latin(latin, ch, "w"), _hebrew_latin(latin, ch, "b"))


# One class per Arabic letter however it is romanised: ظ ض ذ as dh/z/d, ق as q/k/g, ج as j/g.
# French transcriptions write ج as dj (Djouadi, Djermane); Arabic writes a foreign zh with ج
# (بريغوجين, Prigozhin).
_ABJAD_GRAPHS = re.compile(r"kh|sh|ch|gh|dh|th|ph|dj|[a-z]")
_ABJAD_CLASS = {"kh": "x", "sh": "S", "ch": "S", "gh": "g", "dh": "d", "th": "d", "ph": "f", "dj": "j", "z": "d",
                "q": "k", "g": "j", "v": "f", "p": "b", "e": "", "a": "", "'": ""}


# A Latin g is ج (Egyptian Gamal), ق (Maghrebi Gasmi, Belgacem) or غ (French Laagoub); a c
# is s before e, i, y (French Lounici) and k elsewhere.
_LATIN_G = ("j", "k", "g")


@lru_cache(maxsize=200_000)
def _latin_consonants(norm: str) -> tuple[tuple[tuple[str, str], str], ...]:
    """The consonant skeletons of a Latin spelling (see `_consonants`), one per reading of its
    g, each with the letter its g is read as."""
    if "g" not in _ABJAD_GRAPHS.findall(norm):
        return ((_consonants(norm, True), "j"),)
    found: dict[tuple[str, str], str] = {}
    for g in _LATIN_G:
        found.setdefault(_consonants(norm, True, g_as=g), g)
    return tuple(found.items())


@lru_cache(maxsize=200_000)
def _consonants(norm: str, latin: bool, digraphs: bool = True, g_as: str = "j") -> tuple[str, str]:
    """Two consonant skeletons: without y/w (long vowels), and with them, where a Latin i/u/o
    stands for the script's y/w ('yahia' ~ 'yhya')."""
    letters = _classes(norm, latin, digraphs, g_as)
    if latin:
        # (not a first vowel: that is the script's alif or ain, Uday = عدي 'dy'; nor a u or o
        # before another vowel, a short one before an ain or hamza the script writes and the
        # folded word lacks: Muammar = معمر 'mmr', Fuad = فؤاد 'fad')
        letters = letters[:1] + [
            "" if ch in "uo" and k + 1 < len(letters) and letters[k + 1] in _VOWEL_CLASSES
            else {"i": "y", "u": "w", "o": "w"}.get(ch, ch)
            for k, ch in enumerate(letters[1:], 1)]
    with_yw = collapse(ch for ch in letters if ch not in "aeiou")
    if len(with_yw) > 2 and with_yw.endswith("h"):
        with_yw = with_yw[:-1]  # ta marbuta: Hamza = حمزة 'hmzh'
    return with_yw.replace("y", "").replace("w", ""), with_yw


_VOWEL_CLASSES = ("", "i", "o", "u")  # (a and e are no class: '')


def _classes(norm: str, latin: bool, digraphs: bool = True, g_as: str = "j") -> list[str]:
    """A word's letters as consonant classes ('' for a vowel the classes drop)."""
    graphs = _ABJAD_GRAPHS.findall(norm) if digraphs else list(norm)
    letters = [_ABJAD_CLASS.get(g, g) for g in graphs]
    if latin:
        for k, g in enumerate(graphs):
            if g == "g":
                letters[k] = g_as
            elif g == "c":
                letters[k] = "s" if k + 1 < len(graphs) and graphs[k + 1] in ("e", "i", "y") else "k"
    return letters


@lru_cache(maxsize=200_000)
def _long_a(norm: str, latin: bool, digraphs: bool = True, g_as: str = "j") -> frozenset[int]:
    """Where inside a word a long a is written (the script's ا: fold keeps it as 'a') or a Latin
    spelling has a vowel: the number of consonants of the skeleton without y/w before it."""
    skeleton: list[str] = []
    found: set[int] = set()
    for graph, cls in zip(_ABJAD_GRAPHS.findall(norm) if digraphs else list(norm),
                          _classes(norm, latin, digraphs, g_as), strict=True):
        if cls in ("", "i", "o", "u", "y", "w"):  # a vowel, or a letter the skeleton drops
            if skeleton and (latin or graph == "a"):
                found.add(len(skeleton))
        elif not skeleton or skeleton[-1] != cls:
            skeleton.append(cls)
    return frozenset(k for k in found if k < len(skeleton))


# The article inside a compound, before a letter it assimilates to (a "sun letter").
_JOINT_ARTICLE = re.compile(r"(?<=[a-z]{2})l(?=th|dh|sh|[tdrzsn])")


LONG_A_MISSING = 0.6  # the consonants agree, a long a of the script has no vowel in the Latin
# Letters read otherwise in names: ث is s in Persian and Urdu names (ثاقب 'thqb' is Saqib), تش a
# foreign ch (سيتشين is Sechin), ج also a foreign zh (بريغوجين is Prigozhin), and Persian ژ, folded
# zh, is a j as Latin spellings write it the French way (نژاد is Nejad: Ahmadinejad).
_OTHER_READINGS = (("th", "s"), ("tsh", "sh"), ("j", "zh"), ("zh", "j"))


def _forms(abjad: str, hebrew: bool) -> list[str]:
    """A word romanised from an abjad as written, without the Arabic article (al- may be written
    or not; Hebrew has no such l), its last a also a y, its last h also a t, and with the article inside a compound
    before a letter it assimilates to unsaid (شمس الدين is Shamsuddin, عبد الرحمن Abdurrahman)."""
    words = [abjad]
    if not hebrew and abjad.startswith("l") and len(abjad) > 3:
        words.append(abjad[1:])
    if not hebrew and abjad.endswith("a") and len(abjad) > 1:
        # (a final ى, folded 'a', is ي as Egypt writes it: على is Ali, حنفى Hanafi)
        words += [w[:-1] + "y" for w in words]
    if not hebrew and abjad.endswith("h") and len(abjad) >= 3:
        # (ة, folded h as ه is, is said t before the word it belongs to: جبهة النصرة is Jabhat
        # al-Nusra, هيئة تحرير الشام Hay'at Tahrir al-Sham)
        words += [w[:-1] + "t" for w in words if w.endswith("h")]
    if len(abjad) >= 6:
        words += [joint for w in words if (joint := _JOINT_ARTICLE.sub("", w)) != w]
    return words


def _other_readings(forms: list[str]) -> list[str]:
    """The forms with the letters of `_OTHER_READINGS` read so."""
    return [w.replace(a, b) for w in forms for a, b in _OTHER_READINGS if a in w]


def _latin_readings(latin: str, abjad: str, hebrew: bool) -> tuple[tuple[tuple[str, str], str], ...]:
    """The consonant skeletons of a Latin spelling as the script would write it (see
    `_latin_consonants`): in Hebrew, with its own letters' ambiguities (`_hebrew_latin`)."""
    if hebrew:
        # (a Latin g is ג: the Arabic readings of it as ق or غ are no Hebrew letter's)
        return tuple(r for spelling in _hebrew_readings(latin, "ch" if "ch" in abjad else "h")
                     for r in _latin_consonants(spelling) if r[1] == "j")
    return _latin_consonants(latin)


def abjad_similarity(abjad: str, latin: str, hebrew: bool = False) -> float:
    """A word romanised from Arabic or Hebrew script against a Latin spelling, by consonants
    ('ltkryty' ~ 'tikriti'), the article 'al-' optional on the script side. The script side is
    read with and without digraphs: 'thr' is ط+ه (Taher) as often as ث+ر. Hebrew is read with
    its own letters' ambiguities (`_hebrew_latin`): 'vrk' ~ 'barak', 'ntnyhv' ~ 'netanyahu'."""
    readings = _latin_readings(latin, abjad, hebrew)
    if hebrew:
        abjad = abjad.replace("v", "w")
    best = 0.0
    forms = _forms(abjad, hebrew)
    # (each form read with and without digraphs: 'thr' is ط+ه, Taher, as often as ث+ر; a ج read
    # as zh meets only a Latin zh)
    variants = [(w, d) for w in forms for d in (True, False)] + [
        (w, True) for w in _other_readings(forms) if "zh" not in w or "zh" in latin]
    for word, digraphs in variants:
        cand = _consonants(word, False, digraphs)
        for sk_l, g_as in readings:
            for k in (0, 1):
                x, y = cand[k], sk_l[k]
                if not x or not y:
                    continue
                if x == y and (len(x) >= 2 or min(len(abjad), len(latin)) >= 3):
                    if not _long_a(word, False, digraphs) <= _long_a(latin, True, g_as=g_as):
                        # a long a where the Latin has no vowel: بشار (Bashar) is no Bushra
                        best = max(best, LONG_A_MISSING)
                        continue
                    if len(x) >= 2:
                        return 0.92
                    best = max(best, 0.85)  # (one consonant: its y and w may agree too, يحيى 'yhy' / Yahya)
                if min(len(x), len(y)) >= 4 and x[-1] == y[-1]:
                    # (a name ends as it ends: عبد الرحمن 'bdlrhmn' is no Abdul Rahim 'bdlrhm')
                    best = max(best, OSA.normalized_similarity(x, y) * 0.95)
    return best


# The vowels of Arabic a Latin vowel group may write: a short a, i or u, a long one, or the
# diphthongs ay and aw. Romanisations differ most in these (Zayniyah / Zeiniye, Khamis / Khemais,
# Raymi / Rimi, Mohssein / Muhsin) while a and u, a and i keep names apart (Hassan / Husayn,
# Bashar / Bushra, Hamid / Hamad). No vowel ('-') meets no vowel only (Nasir / Nasr), and a group
# not listed (ia, ue: two syllables) itself only.
_ARABIC_VOWELS: dict[str, frozenset[str]] = {group: frozenset(sounds.split()) for group, sounds in {
    "": "-", "a": "a", "aa": "a", "e": "a i ay", "i": "i ay", "ee": "i", "ii": "i", "ie": "i", "iy": "i",
    "ei": "ay i", "ai": "ay i", "ay": "ay i", "ey": "ay i", "oi": "ay", "o": "u", "u": "u", "oo": "u",
    "uu": "u", "ou": "u aw", "aw": "aw u", "au": "aw u", "ow": "aw u",
}.items()}
_LATIN_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=100_000)
def _syllables(norm: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A Latin word as an Arabic romanisation: its consonants by class (`_ABJAD_CLASS`: kh, dh,
    q...; a letter doubled as one) and the vowel group before, between and after them; a y or w
    after a vowel and before no vowel is a vowel (Raymi: r-ay-m-i), a last h after a vowel a
    ta marbuta (Zayniyah is Zayniya)."""
    graphs = _ABJAD_GRAPHS.findall(collapse(norm))
    consonants: list[str] = []
    groups: list[str] = []
    group = ""
    for k, graph in enumerate(graphs):
        if graph in _LATIN_VOWELS or graph in ("y", "w") and group and (
                k + 1 == len(graphs) or graphs[k + 1] not in _LATIN_VOWELS):
            group += graph
            continue
        groups.append(group)
        group = ""
        consonants.append(_ABJAD_CLASS.get(graph, graph))
    groups.append(group)
    if len(consonants) > 2 and consonants[-1] == "h" and groups[-2] and not groups[-1]:
        consonants.pop()
        groups.pop()
    return tuple(consonants), tuple(groups)


def arabic_consonants(norm: str) -> tuple[str, ...]:
    """A Latin word's consonants as `arabic_vowels_agree` compares them (by class: kh, dh, q...)."""
    return _syllables(norm)[0] if norm.isalpha() else ()


def arabic_vowels_agree(a: str, b: str) -> bool:
    """Are two Latin words, of the same consonants (two at least), spellings of one Arabic name
    whose vowels the romanisations write otherwise, each vowel group of one a spelling of the
    other's in its place (see `_ARABIC_VOWELS`)? Zeiniye / Zayniyah, Raymi / Rimi, not Hassan
    / Husayn nor Nasir / Nasr (a vowel in one place only); no word with a digit (YV291 / YV2911)."""
    if not (a.isalpha() and b.isalpha()):
        return False
    consonants_a, groups_a = _syllables(a)
    consonants_b, groups_b = _syllables(b)
    if consonants_a != consonants_b or len(consonants_a) < 2:
        return False
    for x, y in zip(groups_a, groups_b, strict=True):
        if x != y:
            sounds_x, sounds_y = _ARABIC_VOWELS.get(x), _ARABIC_VOWELS.get(y)
            if sounds_x is None or sounds_y is None or sounds_x.isdisjoint(sounds_y):
                return False
    return True


ARABIC_VOWELS = 0.85  # two spellings of one Arabic name, its vowels romanised otherwise (see `arabic_spellings`)
ARABIC_VOWELS_HOW = "vowels as Arabic is romanised"
ARABIC_RARE_ZIPF = 3.5  # one of the two English uses less than this (Esad 0, Zeiniye 0; Assad 3.6) ...
ARABIC_NAME_ZIPF = 4.0  # ... and the other less than this, a name the news writes often (Assad 3.6, Ahmed 3.8) ...
ARABIC_FOREIGN_ZIPF = 2.0  # ... against a spelling English hardly uses (Esad 1.3; not Shun 3.2 for Shawn 3.8)


def arabic_spellings(a: str, b: str, common: float = ARABIC_NAME_ZIPF, syllables: int = 1) -> bool:
    """Are two words of four letters or more spellings of one Arabic name, its vowels romanised
    otherwise (`arabic_vowels_agree`), and not English words respelled? One must be rare in
    English, the other no commoner than `common` (TERRA is no TARA, ASSET no ESSET; a firm's
    words ask less than a person's name: Esad is Assad, a name English writes often against a
    spelling it hardly uses; Shun is no Shawn); each of `syllables` syllables at least,
    found under a phonetic key of the other (the Arabic consonant classes are loose: PEPPE is no
    BABA, EDITH no AZIZ)."""
    if min(len(a), len(b)) < 4 or not arabic_vowels_agree(a, b) or set(phonetic_keys(a)).isdisjoint(phonetic_keys(b)) \
            or min(sum(map(bool, _syllables(a)[1])), sum(map(bool, _syllables(b)[1]))) < syllables:
        return False
    rarer, commoner = sorted((vocab.zipf(a), vocab.zipf(b)))
    return rarer < ARABIC_RARE_ZIPF and commoner < common and (commoner < ARABIC_RARE_ZIPF or rarer < ARABIC_FOREIGN_ZIPF)


def abjad_keys(word: str, hebrew: bool = False) -> tuple[str, ...]:
    """Keys to look a word romanised from an abjad up by among Latin words (`latin_abjad_keys`):
    the consonant skeletons without long vowels of its forms and readings."""
    prefix = "W:" if hebrew else "A:"
    forms = _forms(word.replace("v", "w") if hebrew else word, hebrew)
    return tuple(dict.fromkeys(prefix + _consonants(w, False, d)[0]
                               for w in forms + _other_readings(forms) for d in (True, False)))


def latin_abjad_keys(norm: str) -> tuple[str, ...]:
    """The keys a Latin word is found under from Arabic and from Hebrew script (`abjad_keys`)."""
    arabic = {"A:" + sk[0] for sk, _g in _latin_consonants(norm)}
    hebrew = {"W:" + sk[0] for spelling in {*_hebrew_readings(norm), *_hebrew_readings(norm, "ch")}
              for sk, g in _latin_consonants(spelling) if g == "j"}
    return tuple(k for k in arabic | hebrew if len(k) > 2)


READING_MATCH = 0.8  # an abjad word is read as a listed Latin word this alike (see `AbjadReadings`)


class AbjadReadings:
    """Listed Latin words by the keys a word in Arabic or Hebrew script is looked up by
    (`latin_abjad_keys`), to read a text's abjad word as the listed words it may spell: بشار as
    bashar, السنوار as sinwar. (The text matcher reads other scripts by their sounds; an abjad's
    words lack their short vowels, so a listed word is found by its consonants instead.)"""

    def __init__(self, words: Iterable[str]) -> None:
        by_key: dict[str, set[str]] = {}
        self._abd: set[str] = set()  # the listed spellings of عبد (Abdul, Abdur, Abdel)
        for word in words:
            if word in vocab.ABD:
                self._abd.add(word)
            if len(word) > 1 and word.isalpha():
                for key in latin_abjad_keys(word):
                    by_key.setdefault(key, set()).add(word)
        self.by_key = by_key
        self._cache: dict[tuple[str, bool, bool], dict[str, float]] = {}

    def readings(self, norm: str, hebrew: bool, article: bool) -> dict[str, float]:
        """The listed words a folded abjad word spells, each with its similarity (at least
        READING_MATCH, see `abjad_similarity`); with `article` the word is written with the
        Arabic article, and read also without it (الأسد, folded 'lsd', as assad)."""
        key = (norm, hebrew, article)
        found = self._cache.get(key)
        if found is not None:
            return found
        if len(self._cache) > 100_000:
            self._cache.clear()
        forms = [norm, norm[1:]] if article and len(norm) > 2 else [norm]
        found = {}
        for form in forms:
            if form == "bd":  # عبد, however Latin writes it
                found.update(dict.fromkeys(self._abd, 0.92))
            spelled = form.replace("v", "w") if hebrew else form
            written = {_consonants(spelled, False, d)[1] for d in (True, False)}
            # (ج read as a foreign zh, as `abjad_similarity` reads it: بريغوجين is Prigozhin)
            zh = [_consonants(w, False, True)[1] for w in _other_readings([spelled]) if "zh" in w]
            for word in {w for k in abjad_keys(form, hebrew) for w in self.by_key.get(k, ())}:
                sim = abjad_similarity(form, word, hebrew)
                if sim < READING_MATCH or sim <= found.get(word, 0.0):
                    continue
                mine = written.union(zh) if "zh" in word else written
                if any(_within(m, latin[1]) for m in mine for latin, _g in _latin_readings(word, form, hebrew)):
                    found[word] = sim
        self._cache[key] = found
        return found


def _within(written: str, latin: str) -> bool:
    """Are the letters an abjad word writes (its consonants, w and y among them) all in a Latin
    spelling's, in order? The Latin may have more (a short i or u is a y or w there: Sinwar's
    'synwr' holds السنوار's 'snwr'); a w or y the script writes must be there (الولايات, "the
    states", 'wlyt', is no Latt, 'lt', though both are 'lt' without them)."""
    it = iter(latin)
    return all(ch in it for ch in written)
