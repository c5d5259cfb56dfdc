"""Similarity of two folded name words, with the reason (exact, phonetic, fuzzy, initial)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from monitor.matching.normalize import phonetic_keys, phonetic_spellings

TOKEN_MATCH = 0.8  # below this two words are not the same name part


_DIGIT_RUN = re.compile(r"\d+")
_ORDINAL = frozenset(["", "st", "nd", "rd", "th"])


def digits(word: str) -> str:
    """A word's digits, the identifier it holds ('rf78815' -> '78815')."""
    return "".join(_DIGIT_RUN.findall(word))


def _number_similarity(a: str, b: str) -> float:
    """Words with digits are identifiers: their digits must be the same (YV1003 is not YV1004,
    71st not 72nd), and their letters the same or spelled alike (223RD is 223, SKAI17 is SKAY17)."""
    if _DIGIT_RUN.findall(a) != _DIGIT_RUN.findall(b):
        return 0.0
    letters_a, letters_b = _DIGIT_RUN.sub("", a), _DIGIT_RUN.sub("", b)
    if letters_a == letters_b or letters_a in _ORDINAL and letters_b in _ORDINAL:
        return 0.95
    if not letters_a or not letters_b:
        return 0.0
    sim, _how = token_similarity(letters_a, letters_b)
    return sim * 0.95 if sim >= TOKEN_MATCH else 0.0


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> tuple[float, str]:
    """How alike two folded words are as spellings of one name part, 0..1, and how.

    The larger of the plain edit similarity and the edit similarity of the phonetic
    spellings (Prigozhin/Prigoschin are 'prikosin' both), so variants meet while look-alikes
    with other vowels and letters (Kirby/Caribe, Putin/Petion) stay apart.
    """
    if a == b:
        return 1.0, "exact"
    if has_digit(a) or has_digit(b):
        return _number_similarity(a, b), "number"
    lev = OSA.normalized_similarity(a, b)  # a swap of two letters is one edit (Tahli/Talhi)
    if min(len(a), len(b)) <= 3:
        # Short words: one letter is a different name (Ali/Eli, Act/AGD), unless it is only
        # spelled differently.
        if _short_spellings(a, b):
            return 0.9, "phonetic"
        return lev * 0.8, "fuzzy"
    phon = max(
        OSA.normalized_similarity(pa, pb)
        for pa in phonetic_spellings(a)
        for pb in phonetic_spellings(b)
    )
    if 0.75 <= phon < 0.9 and min(len(a), len(b)) >= 6 and a[0] == b[0]:
        # Vowels drift most between romanisations (Hezbollah/Hizballah): same long
        # consonant skeleton, same name; but only where the spellings are close anyway
        # (Brighton/Boryokudan share 'brktn' and nothing else).
        shared = set(phonetic_keys(a)) & set(phonetic_keys(b))
        if any(len(k) >= 5 for k in shared):
            phon = max(phon, 0.92)
    if phon < 0.9 and lev < 0.6:
        # The phonetic spellings are lossy (z/s/zh/j, d/t): close spellings of words that are far
        # apart as written are chance (Zarate/Sajjadi), unless near-identical (Hizballah).
        phon = min(phon, lev + 0.25)
    if phon > lev:
        sim, how = phon * 0.98, "phonetic"
    else:
        sim, how = lev, "fuzzy"
    if lev < 0.85 and a[0] != b[0] and {sp[:1] for sp in phonetic_spellings(a)}.isdisjoint(sp[:1] for sp in phonetic_spellings(b)):
        # Names differ most by their first sound: Jamal/Kamal, Radic/Tadic, Ahmed/Hamed; a long
        # word one slip away keeps its score (KOHLTSVUD / KHOLTSVUD, AL-JNIHAH / AL-AJNIHAH), and
        # so does one whose first letter is the same (Chaika / Cahika: a slip in a ch).
        sim *= 0.9
    return sim, how


# Below these, `token_similarity` of two words of four letters or more stays under TOKEN_MATCH
# whatever its other rules do: the written words' similarity is its floor, and the phonetic
# spellings' similarity (raised to 0.92 from 0.75 up for a shared skeleton) its only way up.
# (Less a margin: rapidfuzz's batch functions drop a score equal to the cutoff, 0.8 for
# Hill/Hilal, by rounding in the conversion to a distance.)
_PLAIN_FLOOR = TOKEN_MATCH - 0.005
_PHONETIC_FLOOR = 0.75 - 0.005


class Spellings:
    """Listed words arranged to find, in C, the ones `token_similarity` may score a word
    TOKEN_MATCH or more against; for every other word it is certain to score less."""

    __slots__ = ("short", "longer", "spellings", "owners")

    def __init__(self, words: Iterable[str]) -> None:
        self.short: list[str] = []
        self.longer: list[str] = []
        self.spellings: list[str] = []  # the longer words' phonetic spellings ...
        self.owners: list[str] = []  # ... and the word each belongs to
        for w in words:
            if len(w) <= 3:
                self.short.append(w)
                continue
            self.longer.append(w)
            for sp in phonetic_spellings(w):
                self.spellings.append(sp)
                self.owners.append(w)

    @classmethod
    def joined(cls, parts: list[Spellings]) -> Spellings:
        """The words of several (the listed words under each of a word's keys), asked at once:
        `alike` of the whole is the union of each part's, for a rapidfuzz call per spelling in all."""
        if len(parts) == 1:
            return parts[0]
        whole = cls(())
        for part in parts:
            whole.short += part.short
            whole.longer += part.longer
            whole.spellings += part.spellings
            whole.owners += part.owners
        return whole

    def alike(self, word: str) -> set[str]:
        # A pair with a short word scores 0.9 only if one is a spelling of the other (see
        # `_short_spellings`: the same first letter, or Korean syllables: Gim/Kim, Eo/O).
        first = _first_sound(word)
        soft = first in _KOREAN_FIRST
        short = self.short if len(word) > 3 else self.short + self.longer
        kept = {w for w in short if _first_sound(w) == first or soft and w[0] in _KOREAN_FIRST}
        if len(word) <= 3 or not self.longer:
            return kept
        kept.update(self.longer[i] for _w, _s, i in process.extract(
            word, self.longer, scorer=OSA.normalized_similarity, score_cutoff=_PLAIN_FLOOR, limit=None))
        owners = self.owners
        for mine in phonetic_spellings(word):
            kept.update(owners[i] for _w, _s, i in process.extract(
                mine, self.spellings, scorer=OSA.normalized_similarity, score_cutoff=_PHONETIC_FLOOR, limit=None))
        return kept


_DIGIT = re.compile(r"\d")
_KOREAN = (("eo", "o"), ("eu", "u"), ("ae", "e"))
_KOREAN_FIRST = frozenset("gkeoua")  # first letters `_korean` may change, and what to
# A short word that can be a name's syllable: a vowel in it, and no roman numeral a name ends
# with (II, VIII; Li and Xi are names).
_SYLLABLE = re.compile(r"^(?!(?:i{1,3}|iv|vi{0,3}|ix)$)[a-z]*[aeiouy][a-z]*$")


_BURMESE_ASPIRATES = frozenset(["ht", "hs", "hl", "hm", "hn"])


def _french_lead_off(word: str) -> str:
    """A word without the letter French writes before j and ch (Djon, Tcha: the first sound is
    the same as Jon's, Cha's), or the h Burmese names are written with or without before a
    consonant (Htun / Tun, Hsan / San)."""
    return word[1:] if word[:2] == "dj" or word[:3] == "tch" or word[:2] in _BURMESE_ASPIRATES else word


def _first_sound(word: str) -> str:
    """A word's first letter, French dj and tch read as j and ch."""
    return _french_lead_off(word)[0]


def _short_spellings(a: str, b: str) -> bool:
    """Two short words spelling one name: a Korean syllable however romanised (Gim/Kim, Eun/Un),
    or one sound with the same first letter (Abu/Abou, Max/Maks, Jon/John); not Kyi/Gui, Thai/Day."""
    if _korean(_french_ou(a)) == _korean(_french_ou(b)):
        return True
    a, b = _french_lead_off(a), _french_lead_off(b)
    return a[0] == b[0] and _SYLLABLE.match(a) is not None and _SYLLABLE.match(b) is not None and (
        not set(phonetic_spellings(a)).isdisjoint(phonetic_spellings(b)) or a.replace("h", "") == b.replace("h", ""))


def _french_ou(word: str) -> str:
    """A syllable as French writes a first u, ou: Oun is Un (Kim Jong-oun); not Ou alone, a
    Chinese surname as U is a Burmese title."""
    return word[1:] if word[:2] == "ou" and len(word) >= 3 else word


def _korean(word: str) -> str:
    """A Korean syllable however romanised (Revised or McCune-Reischauer): Gim = Kim, Eun = Un."""
    if word[:1] == "g":
        word = "k" + word[1:]
    for src, dst in _KOREAN:
        word = word.replace(src, dst)
    return word


class OneSlip:
    """Words one slip from a word (a letter added, dropped or changed, or two neighbours
    swapped: an OSA distance of 1) among a fixed set of words, filed by length (and by first
    letter if `same_first`) and compared in C with those of about the word's length."""

    __slots__ = ("_files", "_same_first")

    def __init__(self, words: Iterable[str], same_first: bool = False) -> None:
        self._same_first = same_first
        files: dict[tuple[str, int], list[str]] = {}
        for word in words:
            files.setdefault(self._file(word, len(word)), []).append(word)
        self._files = files

    def _file(self, word: str, size: int) -> tuple[str, int]:
        return (word[:1] if self._same_first else "", size)

    def __call__(self, word: str) -> list[str]:
        return [listed for size in (len(word) - 1, len(word), len(word) + 1)
                for listed, _d, _i in process.extract(word, self._files.get(self._file(word, size), ()),
                                                      scorer=OSA.distance, score_cutoff=1, limit=None)]


TRANSPOSED = 0.85  # two words one swap of neighbouring letters apart: a typo (Petr / Pert, Gold / Glod)


def transposed(a: str, b: str) -> bool:
    """Are two words of four letters or more the same but for two neighbouring letters after the
    first swapped (PETR / PERT, RUBY / RBUY)? A typo: real names seldom differ so (Dina / Dian
    aside), and the edit similarity of a short word so swapped (0.75 for four letters) says less
    than it is. (Not the first letter, which tells names apart most: Vian is not Ivan.)"""
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    k = next(k for k in range(len(a)) if a[k] != b[k])
    return 0 < k < len(a) - 1 and a[k] == b[k + 1] and a[k + 1] == b[k] and a[k + 2:] == b[k + 2:]


def gendered(a: str, b: str) -> bool:
    """The masculine and feminine of one name: Mario/Maria, Robert/Roberta, Aleksandr/Aleksandra."""
    if min(len(a), len(b)) < 4:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] == "a" and short[-1] != "a":
        return True  # (an a doubled is a spelling: Fezza/Fezzaa, Hana/Hanaa)
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} in ({"a", "o"}, {"a", "e"})


_SLAVIC_MASCULINE = ("ov", "ev", "in", "yn")
_SKY = re.compile(r"^(?P<stem>.{3,}?)(?:(?P<he>skiy|skii|skij|skyi|sky|ski)|(?P<she>skaya|skaia|skaja|ska))$")


def gendered_surname(a: str, b: str) -> bool:
    """A Slavic surname's man's and woman's forms, two people of one family: Zakharov /
    Zakharova, Prigozhin / Prigozhina, Kowalski / Kowalska, Zhirinovskiy / Zhirinovskaya."""
    if a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "a" and short.endswith(_SLAVIC_MASCULINE):
        return True
    one, other = _SKY.match(a), _SKY.match(b)
    return one is not None and other is not None and one["stem"] == other["stem"] \
        and (one["he"] is None) != (other["he"] is None)


# Russian vowels as romanisations write them: ё as yo, io, e or o, я ya or ia, ю yu or iu, ы y
# or i, Belarusian akanye a for o; a consonant's softness (y, i) aside.
_SLAVIC_VOWEL_CLASS = str.maketrans({"o": "e", "a": "e", "y": "i"})
_SLAVIC_GLIDE = re.compile(r"(?<=[aeiouy])[iy](?=[^aeiouy]|$)|(?<![aeiouy])[iy](?=[aeou])")
_NOT_VOWEL = re.compile(r"[^aeiouy]+")


def slavic_vowels_differ(a: str, b: str) -> bool:
    """Do two spellings of an East Slavic name of the same consonants differ in two vowels or
    more that no romanisation of one Russian letter gives (Petelin / PUTILIN: е is never u)? Not
    a slip of the pen (a letter changed, two swapped: Tyruin / TYURIN)."""
    if OSA.distance(a, b, score_cutoff=2) <= 1:
        return False
    va = _NOT_VOWEL.sub("", _SLAVIC_GLIDE.sub("", a)).translate(_SLAVIC_VOWEL_CLASS)
    vb = _NOT_VOWEL.sub("", _SLAVIC_GLIDE.sub("", b)).translate(_SLAVIC_VOWEL_CLASS)
    return len(va) == len(vb) and sum(x != y for x, y in zip(va, vb, strict=True)) >= 2


def has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None


# Initials of two letters, as Russian romanised writes Е, Ю, Я, Ё, Ж, Х, Ч, Ш, Ц ("Ye. Prigozhin").
TWO_LETTER_INITIALS = frozenset(["ye", "yu", "ya", "yo", "zh", "kh", "ch", "sh", "ts"])


def initial_matches(text_word: str, listed_word: str, soft: bool = True) -> bool:
    """'y' stands for 'yevgeniy' (and, `soft`, for 'evgeny', since Y/E/J spellings of Е vary);
    so does 'ye' (and 'yu' for 'yuri' or 'iurii', 'zh' for 'zhores')."""
    if len(text_word) == 2 and text_word in TWO_LETTER_INITIALS and len(listed_word) > 2:
        if text_word[0] == "y":
            vowel = text_word[1]
            return listed_word[:2] in ("y" + vowel, "i" + vowel, "j" + vowel) or vowel in "eo" and listed_word[0] == vowel
        return listed_word.startswith(text_word)
    if len(text_word) != 1 or len(listed_word) < 2:
        return False
    if listed_word[0] == text_word:
        return True
    letters = {"y", "e", "j", "i"}
    return soft and text_word in letters and listed_word[0] in letters
