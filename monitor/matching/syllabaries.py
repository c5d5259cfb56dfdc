"""Foreign names written in Japanese katakana or Korean Hangul against Latin spellings.

Japanese writes a foreign name by its syllables: every consonant gets a vowel (Vladimir is
ウラジーミル 'urajimiru', Kadyrov カディロフ 'kadirofu'), l and r are one sound, as are b and v,
and ti, di, si are written chi, ji, shi (Putin is プーチン 'puchin'). `romanise` reads katakana
as Hepburn romaji with the small kana joined to the syllable before (ディ 'di', ショ 'sho'),
long vowels and doubled consonants as single, and the vowel Japanese adds after a last
consonant dropped ('kadirof'). `kana_similarity` then compares a romanised word with a Latin one
by consonant classes that Japanese does not tell apart.

Korean spells a foreign name by syllables too, adding the vowel eu after a lone consonant
(블라디미르 푸틴 'beulladimireu putin'), ㄹ for l and r, ㅂ for b and v, ㅍ for p and f, ㅈ for j,
z and zh, and ㅍ for a last v (Kadyrov 카디로프). A Korean's own name is its syllables (김정은
'gim jeong eun', read so by the rest of the matcher); a foreign name in Hangul is read whole
(`hangul_words`) and compared by `hangul_similarity`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from anyascii import anyascii
from rapidfuzz.distance import OSA

KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u31f0-\u31ff\uff66-\uff9d]")
HIRAGANA = re.compile(r"[\u3041-\u309f]")

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


def romanise_whole(word: str) -> str:
    """A katakana word as romaji with the vowel after its last consonant kept, which may be the
    foreign word's own: ショイグ 'shoigu' (`romanise` gives 'shoig')."""
    return romanise(word + "ア")[:-1] if word else word


# Consonants Japanese writes alike: l/r, b/v/w/f, t/ch/ts (チ is ti), d/j/z/zh (ジ is di),
# s/sh/th (シ is si), h/kh, k/c/q; y and vowels are left out.
_GRAPHS = re.compile(r"shch|tch|sch|sh|ch|ts|tz|th|ph|kh|zh|dj|dz|ck|[a-z]")
_CLASS = {"l": "r", "v": "b", "w": "b", "f": "b", "ph": "b", "ch": "t", "tch": "t", "ts": "t", "tz": "t",
          "d": "j", "z": "j", "zh": "j", "dj": "j", "dz": "j", "sh": "s", "shch": "s", "sch": "s", "th": "s",
          "kh": "h", "c": "k", "ck": "k", "q": "k", "x": "ks"}
# Korean's: ㄹ l/r, ㅂ b/v (and w), ㅍ p/f and a last v, ㅈ j/z/zh, ㅊ ch/ts, ㄱ ㅋ k/g.
_HANGUL_CLASS = {"l": "r", "v": "b", "w": "b", "f": "b", "ph": "b", "p": "b", "ch": "c", "tch": "c", "ts": "c", "tz": "c",
                 "z": "j", "zh": "j", "dj": "j", "dz": "j", "sh": "s", "shch": "s", "sch": "s", "th": "s",
                 "kh": "h", "c": "k", "ck": "k", "q": "k", "g": "k", "x": "ks"}


@lru_cache(maxsize=100_000)
def _skeleton(word: str, script: str = "kana") -> str:
    """A word's consonants in the classes `script` ('kana' or 'hangul') does not tell apart."""
    classes = _HANGUL_CLASS if script == "hangul" else _CLASS
    letters = [classes.get(g, g) for g in _GRAPHS.findall(word)]
    if len(letters) > 2 and letters[-1] == "h" and letters[-2] in "aeiouy":
        letters.pop()  # a silent last h: Nasrallah, Haniyeh
    return "".join(ch for ch, _run in groupby(ch for ch in letters if ch not in "aeiouy"))


_VOWEL_GROUPS = re.compile(r"[aeiou]+")  # (y is a glide: Yevgeniy, 쇼 'syo' is sho)
# A Latin vowel and the vowels a syllabary may write it with (English i is ai: Biden is
# バイデン 'baiden'; Korean writes o as eo: 정 'jeong' is Jong).
_VOWELS_ALIKE = {"a": "a", "e": "ei", "i": "ie", "o": "ou", "u": "uo"}


def _vowels_agree(syllabic: str, latin: str) -> bool:
    """A syllabary writes the vowels: in a short name the Latin's must be found among them in
    order (バッシャール 'bashar' is neither Bushra nor Bashir, whose consonants are the same)."""
    written = iter(_VOWEL_GROUPS.findall(syllabic))
    for group in _VOWEL_GROUPS.findall(latin):
        if not any(other[0] in _VOWELS_ALIKE[group[0]] or group[0] == "i" and other.startswith("ai")
                   for other in written):
            return False
    return True


# A Latin vowel and the vowels katakana writes it with, in running text (stricter than
# `_VOWELS_ALIKE`: ウクライナ 'ukuraina', Ukraine, is no OKROYAN, though both read k-r-n).
_KANA_VOWELS = {"a": "a", "e": "e", "i": "ia", "o": "o", "u": "u"}
# ... and Hangul (Revised romanisation, `fold`'s): e as 에 'e' or 애 'ae', o as 오 'o' or 어 'eo',
# u as 우 'u' or 으 'eu' (세르게이 'seleugei' Sergei; 으 is also the vowel added after a consonant).
_HANGUL_VOWELS = {"a": "a", "e": "ea", "i": "ia", "o": "oe", "u": "ue"}


def syllabic_vowels_agree(romaji: str, latin: str, script: str = "kana") -> bool:
    """Are the Latin word's vowels written in a katakana word (`romanise`), or a Hangul one, in
    order, alike (`_KANA_VOWELS`, `_HANGUL_VOWELS`), the vowels the script adds after a consonant
    (プリゴジン 'purigojin', 프리고진 'peurigojin') passed over, and the Latin's last one perhaps
    dropped as `romanise` drops them (ショイグ 'shoig' is Shoigu)?"""
    alike = _HANGUL_VOWELS if script == "hangul" else _KANA_VOWELS
    if latin.endswith("eh") and len(latin) > 4:
        latin = latin[:-2] + "a"  # (Persian's last -eh is said -a: Haniyeh, ハニーヤ)
    written = iter(_VOWEL_GROUPS.findall(romaji))
    groups = _VOWEL_GROUPS.findall(latin)
    for n, group in enumerate(groups):
        if not any(other[0] in alike[group[0]] for other in written):
            return n == len(groups) - 1 and latin.endswith(group) and romaji[-1:] not in "aeiou"
    return True


_CONSONANT_GRAPHS = re.compile(r"shch|sch|tch|sh|ch|ts|tz|th|ph|kh|zh|dj|dz|ck|ll|ng|[b-df-hj-np-tv-xz]")
_LABIALS = re.compile(r"ph|[pbfv](?=([aeiouy])?)")


def syllabic_reading_agrees(reading: str, latin: str, script: str) -> bool:
    """Can a katakana word (`romanise`) or a Hangul word read whole (`fold`'s Revised
    romanisation: 푸틴 'putin') be `latin` as Japanese and Korean write foreign names, beyond
    their consonant classes? They add vowels to a foreign name, never a consonant (속국 'sokguk',
    "vassal state", is no Shoigu, 'syoigu'), and begin it with a vowel when it does (수사대
    'susadae' is no Assad; イイバード 'iibado' no FOZ; ウ before a consonant is a v or w:
    ウラジーミル 'urajimir', Vladimir). Korean writes p and f with ㅍ 'p', b and v with ㅂ 'b'
    (붙인 'butin', "attached", is no Putin); a labial at the name's end or before a consonant may
    be either (라브로프 'labeulopeu', Lavrov)."""
    vowel_first = reading[:1] in "aeiouy"
    either = script == "kana" and reading[:1] == "u" and reading[1:2] not in "aeiou"  # (Usama, or a v: Vladimir)
    if len(_CONSONANT_GRAPHS.findall(reading.replace("y", ""))) > len(_CONSONANT_GRAPHS.findall(latin.replace("y", ""))) \
            or vowel_first != (latin[:1] in "aeiouy") and not either:
        return False
    if script != "hangul":
        return True
    written = [m.group()[0] for m in _LABIALS.finditer(reading)]
    listed = [(m.group()[0] in "pf", m.group(1) is not None) for m in _LABIALS.finditer(latin)]
    if len(written) != len(listed):
        return True  # (a w or a silent letter: not told)
    return all(not before_vowel or (letter == "p") == voiceless
               for letter, (voiceless, before_vowel) in zip(written, listed, strict=True))


def _fewer_vowels(latin: str, syllabic: str) -> bool:
    """Does the Latin spelling have as many vowels as the syllabic one at most? A syllabary
    writes every vowel and adds more, so a Latin name with more is another (Potanin is no
    푸틴 'putin', though both read p-t-n). An English last e is silent (Mike, マイク 'maik')."""
    if len(latin) > 3 and latin.endswith("e") and latin[-2] not in "aeiou":
        latin = latin[:-1]
    return len(_VOWEL_GROUPS.findall(latin)) <= len(_VOWEL_GROUPS.findall(syllabic))


def _syllabic_similarity(syllabic: str, latin: str, script: str) -> float:
    """A word romanised from a syllabary against a Latin spelling, by consonant classes."""
    x, y = _skeleton(syllabic, script), _skeleton(latin, script)
    if not x or not y or not _fewer_vowels(latin, syllabic):
        return 0.0
    candidates = [x]
    if script == "kana" and syllabic.startswith("u") and len(syllabic) > 1 and syllabic[1] not in "aeiou":
        candidates.append("b" + x)  # ウ before a consonant is a v or w: ウラジーミル is Vladimir
    if script == "kana" and len(y) > 3 and y.endswith("g") and x.endswith("k"):
        y = y[:-1] + "k"  # a last g said k, as Russian says it: ヴェクセリベルク is Vekselberg
    best = 0.0
    for cand in candidates:
        if cand == y:
            written = syllabic.replace("eu", "").replace("eo", "o") if script == "hangul" else syllabic
            if len(y) <= 3 and not _vowels_agree(written, latin):
                return 0.6
            return 0.9 if len(y) >= 2 else 0.85
        if min(len(cand), len(y)) >= 4 and cand[0] == y[0] and cand[-1] == y[-1]:
            best = max(best, OSA.normalized_similarity(cand, y) * 0.95)
    return best


def kana_similarity(kana: str, latin: str) -> float:
    """A katakana word romanised (`romanise`) against a Latin spelling, by consonant classes:
    'puchin' ~ 'putin', 'rukashenko' ~ 'lukashenka', 'efugeni' ~ 'yevgeniy'."""
    return _syllabic_similarity(kana, latin, "kana")


HANGUL = re.compile(r"[\uac00-\ud7af]")
def hangul_words(name: str) -> str | None:
    """A name in Hangul read as a foreign name, each word whole ('블라디미르 푸틴' ->
    'beulladimireu putin'), or None when it reads as a Korean's own name: one word of three
    syllables or fewer (김정은), or words of one syllable each (김 정은 is read by syllables)."""
    words = name.split()
    sizes = [len(HANGUL.findall(w)) for w in words]
    if not any(sizes) or (len(words) == 1 and sizes[0] <= 3) or max(sizes) < 2:
        return None
    return " ".join(anyascii(w).lower() for w in words)


def hangul_similarity(hangul: str, latin: str) -> float:
    """A Hangul word read whole (`hangul_words`) against a Latin spelling, by consonant classes
    (eu, the vowel added after a lone consonant, is no vowel of the name): 'beulladimireu' ~
    'vladimir', 'syoigu' ~ 'shoigu'."""
    return _syllabic_similarity(hangul, latin, "hangul")


def syllabary_key(script: str, word: str) -> str:
    """The key a word is found under from a name in a syllabary (`script` 'kana' or 'hangul'):
    its consonant classes, prefixed so that no plain phonetic key meets it."""
    return ("K:" if script == "kana" else "H:") + _skeleton(word, script)
