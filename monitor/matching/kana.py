"""Foreign names written in Japanese katakana against Latin spellings.

Japanese writes a foreign name by its syllables: every consonant gets a vowel (Vladimir is
ウラジーミル 'urajimiru', Kadyrov カディロフ 'kadirofu'), l and r are one sound, as are b and v,
and ti, di, si are written chi, ji, shi (Putin is プーチン 'puchin'). `romanise` reads katakana
as Hepburn romaji with the small kana joined to the syllable before (ディ 'di', ショ 'sho'),
long vowels and doubled consonants as single, and the vowel Japanese adds after a last
consonant dropped ('kadirof'). `kana_similarity` then compares a romanised word with a Latin one
by consonant classes that Japanese does not tell apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from rapidfuzz.distance import OSA

KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u31f0-\u31ff\uff66-\uff9d]")

_ROWS = {
    "": "アイウエオ", "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ", "z": "ザジズゼゾ", "t": "タチツテト",
    "d": "ダヂヅデド", "n": "ナニヌネノ", "h": "ハヒフヘホ", "b": "バビブベボ", "p": "パピプペポ", "m": "マミムメモ",
    "r": "ラリルレロ", "v": "ヷヸヴヹヺ",
}
_KANA = {kana: consonant + vowel for consonant, row in _ROWS.items() for kana, vowel in zip(row, "aiueo", strict=True)}
_KANA.update({"シ": "shi", "ジ": "ji", "チ": "chi", "ヂ": "ji", "ツ": "tsu", "ヅ": "zu", "フ": "fu",
              "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n"})
_SMALL_VOWELS = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SOKUON = "ッ"  # the next consonant doubled
_LONG = "ー"  # the vowel before lengthened
# A vowel Japanese adds after a consonant that ends a foreign word: ru, fu, gu, to, do, chi.
_FINAL_VOWEL = re.compile(r"(?<=[^aeiou])(?:(?<=[bfgkmprsz])u|(?<=ts)u|(?<=[td])o|(?<=ch)i)$")


@lru_cache(maxsize=50_000)
def romanise(word: str) -> str:
    """A katakana word as romaji, as near to the foreign spelling as the kana say:
    'プーチン' -> 'puchin', 'カディロフ' -> 'kadirof', 'ショイグ' -> 'shoig'. Other characters
    are kept as they are."""
    out: list[str] = []
    for ch in word:
        if ch in _SMALL_VOWELS and out and out[-1]:
            prev = out[-1]
            # ディ 'di', フィ 'fi', シェ 'she', ウィ 'wi': the small vowel replaces the syllable's own.
            base = {"shi": "sh", "chi": "ch", "ji": "j", "tsu": "ts", "fu": "f", "vu": "v", "u": "w"}.get(prev)
            out[-1] = (base if base is not None else prev[:-1]) + _SMALL_VOWELS[ch]
        elif ch in _SMALL_Y and out and out[-1].endswith("i"):
            prev = out[-1][:-1]  # キョ 'kyo', ショ 'sho', ジョ 'jo'
            out[-1] = prev + ("" if prev.endswith(("sh", "ch", "j")) else "y") + _SMALL_Y[ch]
        elif ch in (_SOKUON, _LONG):
            continue
        else:
            out.append(_KANA.get(ch, _SMALL_VOWELS.get(ch, _SMALL_Y.get(ch, ch))))
    romaji = "".join(out)
    if len(romaji) > 3:
        romaji = _FINAL_VOWEL.sub("", romaji)
    return romaji


# Consonants Japanese writes alike: l/r, b/v/w/f, t/ch/ts (チ is ti), d/j/z/zh (ジ is di),
# s/sh/th (シ is si), h/kh, k/c/q; y and vowels are left out.
_GRAPHS = re.compile(r"shch|tch|sch|sh|ch|ts|tz|th|ph|kh|zh|dj|dz|ck|[a-z]")
_CLASS = {"l": "r", "v": "b", "w": "b", "f": "b", "ph": "b", "ch": "t", "tch": "t", "ts": "t", "tz": "t",
          "d": "j", "z": "j", "zh": "j", "dj": "j", "dz": "j", "sh": "s", "shch": "s", "sch": "s", "th": "s",
          "kh": "h", "c": "k", "ck": "k", "q": "k", "x": "ks"}


@lru_cache(maxsize=100_000)
def _skeleton(word: str) -> str:
    letters = [_CLASS.get(g, g) for g in _GRAPHS.findall(word)]
    if len(letters) > 2 and letters[-1] == "h" and letters[-2] in "aeiouy":
        letters.pop()  # a silent last h: Nasrallah, Haniyeh
    return "".join(ch for ch, _run in groupby(ch for ch in letters if ch not in "aeiouy"))


_FIRST_VOWEL = re.compile(r"[aeiouy]+")
# A Latin vowel and the kana vowels that may write it (Biden is バイデン 'baiden').
_VOWELS_ALIKE = {"a": "a", "e": "ei", "i": "iea", "y": "iea", "o": "ou", "u": "uo"}


def _first_vowels_agree(kana: str, latin: str) -> bool:
    """Kana write the vowels: a short name's first one must be the Latin's (バッシャール
    'bashar' is not Bushra, whose consonants are the same)."""
    k, v = _FIRST_VOWEL.search(kana), _FIRST_VOWEL.search(latin.lstrip("y"))
    return not k or not v or k.group()[0] in _VOWELS_ALIKE[v.group()[0]]


def kana_similarity(kana: str, latin: str) -> float:
    """A katakana word romanised (`romanise`) against a Latin spelling, by consonant classes:
    'puchin' ~ 'putin', 'rukashenko' ~ 'lukashenka', 'efugeni' ~ 'yevgeniy'."""
    x, y = _skeleton(kana), _skeleton(latin)
    if not x or not y:
        return 0.0
    candidates = [x]
    if kana.startswith("u") and len(kana) > 1 and kana[1] not in "aeiou":
        candidates.append("b" + x)  # ウ before a consonant is a v or w: ウラジーミル is Vladimir
    best = 0.0
    for cand in candidates:
        if cand == y:
            if len(y) <= 3 and not _first_vowels_agree(kana, latin):
                return 0.6
            return 0.9 if len(y) >= 2 else 0.85
        if min(len(cand), len(y)) >= 4 and cand[0] == y[0] and cand[-1] == y[-1]:
            best = max(best, OSA.normalized_similarity(cand, y) * 0.95)
    return best
