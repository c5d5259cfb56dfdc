"""Chinese names in Han characters in running text.

Chinese writes no spaces and reads each character as a syllable: `tokenize` makes each a token
and `fold` reads it in pinyin (anyascii's Mandarin reading, tones dropped: 李方伟 'li fang wei').
Hundreds of characters share each reading, so two or three syllables that read as a listed
Chinese name are as often words (利益 'li yi', "benefit", reads as LI, Yi; 间张 as ZHANG, Jian
backwards): read one syllable at a time, as the text matcher reads words, Chinese, Japanese and
Korean prose found hundreds of listed names in a thousand paragraphs of no names.

So Han characters are not read as the text matcher's words; `HanNames` finds, in a run of them,
- a name the lists write in Han characters, character for character (金铁三, 長安海連技術有限公司);
- a person's name the lists write in pinyin (LI, Fangwei; ZHANG, Jian), read in Chinese order,
  the surname first and the given name's syllables after it in a row (李方伟), whole: three
  syllables at least, as most Chinese names have (a name of two is a two-character word too
  often: 张健, 章为).
`watchlist search` looks a name in Han characters up as the lists write it too (`chinese_order`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from monitor.matching import vocab
from monitor.matching.index import IndexedName, NameToken
from monitor.matching.normalize import fold, phonetic_keys

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HAN_RUN = re.compile(f"{HAN.pattern}+")
PINYIN_SYLLABLES_LEAST = 3  # a name read in pinyin has this many syllables at least (see above)
LONGEST_PINYIN = 6  # zhuang, shuang: the longest pinyin syllable
HAN_AS_WRITTEN = 1.0  # a name found character for character
HAN_PINYIN = 0.9  # a name found by its reading: another name reads alike (李方伟, 黎芳薇)
_VOWELS = frozenset("aeiouv")


_HAN_ORG_WORD = re.compile("|".join(sorted(vocab.HAN_ORG_WORDS, key=len, reverse=True)))


def han_org_words(name: str) -> str:
    """A firm's name in Han characters with the words of what the firm is in English, the longest
    first ('華信船務(香港)有限公司' -> '華信 shipping ( hong kong ) co ltd'); its own words stay."""
    return _HAN_ORG_WORD.sub(lambda m: f" {vocab.HAN_ORG_WORDS[m.group()]} ", name)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """The syllables Han characters read as (some 400), from the readings `fold` gives them."""
    counts: dict[str, int] = {}
    for code in range(0x4E00, 0xA000):
        reading = fold(chr(code))
        counts[reading] = counts.get(reading, 0) + 1
    # (a reading of one character alone is a loan's, 'baak', 'kashidori': no syllable)
    return frozenset(r for r, n in counts.items()
                     if r.isalpha() and len(r) <= LONGEST_PINYIN and n > 1 and not _VOWELS.isdisjoint(r))


@lru_cache(maxsize=50_000)
def split_pinyin(word: str) -> tuple[tuple[str, ...], ...]:
    """The ways `word` is pinyin syllables in a row ('fangwei': fang wei; 'xiaoxun': xiao xun),
    the fewest syllables first; none if it is not pinyin (Jong, Chol, Nguyen). Pinyin marks a
    syllable that begins with a vowel after another (Xi'an): without the mark, each syllable
    but the first begins with a consonant ('huang' is no hu-ang)."""
    syllables = pinyin_syllables()
    ways: list[list[tuple[str, ...]]] = [[] for _ in range(len(word) + 1)]
    ways[0] = [()]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - LONGEST_PINYIN), end):
            piece = word[start:end]
            if ways[start] and piece in syllables and (start == 0 or piece[0] not in _VOWELS):
                ways[end].extend(way + (piece,) for way in ways[start])
        ways[end] = sorted(ways[end], key=len)[:4]
    return tuple(ways[-1])


class HanNames:
    """The listed names a run of Han characters may name (see the module's doc)."""

    def __init__(self, names: Iterable[IndexedName]) -> None:
        self.as_written: dict[str, list[int]] = {}
        self.by_reading: dict[tuple[str, ...], list[int]] = {}
        self.longest = 0
        for name_idx, name in enumerate(names):
            written = "".join(name.text.split())
            if _HAN_RUN.fullmatch(written):
                self.as_written.setdefault(written, []).append(name_idx)
                self.longest = max(self.longest, len(written))
            elif name.is_person:
                for reading in _chinese_readings(name):
                    self.by_reading.setdefault(reading, []).append(name_idx)
                    self.longest = max(self.longest, len(reading))

    def find(self, text: str) -> list[tuple[int, int, int, float, str]]:
        """The names in the runs of Han characters of `text`: (start, end, name index, score,
        how), the longest found at a place first and none inside it."""
        found: list[tuple[int, int, int, float, str]] = []
        for run in _HAN_RUN.finditer(text):
            found += self._find(text, run.start(), run.end())
        return found

    def _find(self, text: str, start: int, end: int) -> list[tuple[int, int, int, float, str]]:
        found: list[tuple[int, int, int, float, str]] = []
        readings = [fold(ch) for ch in text[start:end]]
        i = start
        while i < end:
            hit = None
            for size in range(min(self.longest, end - i), 1, -1):
                written = self.as_written.get(text[i : i + size])
                if written:
                    hit = (size, written, HAN_AS_WRITTEN, "as written")
                    break
                if size >= PINYIN_SYLLABLES_LEAST:
                    by_reading = self.by_reading.get(tuple(readings[i - start : i - start + size]))
                    if by_reading:
                        hit = (size, by_reading, HAN_PINYIN, "pinyin")
                        break
            if hit is None:
                i += 1
                continue
            size, name_ids, score, how = hit
            found += [(i, i + size, name_idx, score, how) for name_idx in name_ids]
            i += size
        return found


def _chinese_readings(name: IndexedName) -> list[tuple[str, ...]]:
    """A listed person's name read as Chinese writes it, the surname (one syllable or two) first,
    then the given names' syllables (LI, Fangwei: li fang wei); none if a word is no pinyin."""
    surnames = [t.norm for t in name.tokens if t.role == "surname"]
    given = [t.norm for t in name.tokens if t.role in ("given", "middle")]
    if len(surnames) != 1 or not given or len(name.tokens) != len(surnames) + len(given):
        return []
    if surnames[0] not in vocab.CHINESE_SURNAMES:
        return []
    surname_ways = split_pinyin(surnames[0])
    given_ways = [[w for w in split_pinyin(g) if len(w) <= 2] for g in given]  # (a given name has one or two)
    if not surname_ways or not all(given_ways):
        return []
    readings: list[tuple[str, ...]] = [()]
    for ways in [surname_ways, *given_ways]:
        readings = [r + w for r in readings for w in ways][:8]
    return [r for r in readings if len(r) >= PINYIN_SYLLABLES_LEAST]


def chinese_order(tokens: tuple[NameToken, ...]) -> tuple[NameToken, ...] | None:
    """A name of Han characters, one token a syllable (李方伟: li fang wei), as the lists write a
    Chinese name in pinyin: the surname (one syllable, or two of a surname such as Ouyang) and the
    given name's syllables run together (LI, Fangwei); None if it is not two to four syllables."""
    if not 2 <= len(tokens) <= 4:
        return None
    cut = 2 if len(tokens) > 2 and tokens[0].norm + tokens[1].norm in vocab.CHINESE_SURNAMES else 1
    surname, given = tokens[:cut], tokens[cut:]

    def joined(parts: tuple[NameToken, ...], role: str) -> NameToken:
        norm = "".join(t.norm for t in parts)
        return replace(parts[0], norm=norm, keys=phonetic_keys(norm), role=role, weight=sum(t.weight for t in parts))

    return joined(surname, "surname"), joined(given, "given")
