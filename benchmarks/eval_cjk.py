"""Mentions in Chinese, Japanese and Korean text: what the matcher finds there, and its false alarms.

    .venv/bin/python benchmarks/eval_cjk.py [--paragraphs 3000] [--seed 5]

Chinese and Japanese write no spaces, and Han characters and Hangul syllables are read one
syllable at a time (`tokenize`); read as the text matcher reads words, a two-character word read
'li yi' named LI, Yi. Han characters are read by `han.HanNames` instead, hiragana not at all, a
name read off Hangul syllables must be a Korean's whole name in one word (`TextMatcher._not_korean`),
and a katakana word, or a Hangul word read whole, is read as the foreign name it may write
(`TextMatcher._read_kana`, `_read_hangul`).

Recall: the bundled OFAC SDN list's Chinese persons (a Chinese surname, the given name in pinyin:
`han`) written in Han characters, each syllable as its commonest character (李方伟 and 黎芳薇 read
alike: either is the name as the matcher reads it), in a Chinese sentence and as a
`watchlist search` query; and its Korean persons
(`korean_name`, three syllables or more) written in Hangul, each syllable as McCune-Reischauer
reads it, in a Korean sentence with a particle after the name; and the listed persons of
tests/fixtures/script_pairs.jsonl as the Japanese and Korean press write them (プーチン, 프리고진),
whole and by the last word alone, in a sentence (a surname alone that several listed persons
bear, NASRALLAH, SECHIN, needs support as in Latin letters). Found means the listed person is
among the hits at the default threshold.

False alarms: no Chinese, Japanese or Korean news is here, so the prose is made of words as often
as text uses them (wordfreq's lists for 'zh', 'ja' and 'ko', the 20,000 commonest, drawn by
frequency; Chinese and Japanese written without spaces), 30 words a paragraph, screened against
the bundled OFAC SDN list: every hit is a false alarm, but a name the word list holds (김정은).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from _bundled import bundled_index, report_hits
from wordfreq import get_frequency_dict

from monitor.matching import TextMatcher
from monitor.matching.han import HanNames, pinyin_syllables
from monitor.matching.index import korean_name
from monitor.matching.normalize import fold
from monitor.matching.pairs import search

ROOT = Path(__file__).resolve().parent.parent


def han_for_syllables() -> dict[str, str]:
    """Each pinyin syllable's commonest character in Chinese text."""
    freq = get_frequency_dict("zh")
    best: dict[str, tuple[float, str]] = {}
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        reading = fold(ch)
        if reading in pinyin_syllables() and freq.get(ch, 0.0) >= best.get(reading, (-1.0, ""))[0]:
            best[reading] = (freq.get(ch, 0.0), ch)
    return {reading: ch for reading, (_f, ch) in best.items()}


def hangul_for_syllables() -> dict[str, str]:
    """A Hangul syllable for each spelling of one the lists use: its Revised reading with
    McCune-Reischauer's vowels (정 'jeong' as Jong) and first consonants (김 'gim' as Kim, 정 as
    Chong), the first syllable in Hangul's order for a spelling (김 before 킴)."""
    found: dict[str, str] = {}
    for code in range(0xAC00, 0xD7A4):
        ch = chr(code)
        spelling = fold(ch).replace("eo", "o").replace("eu", "u").replace("ae", "e")
        found.setdefault(spelling, ch)
        for revised, mccune in (("g", "k"), ("d", "t"), ("b", "p"), ("j", "ch")):
            if spelling.startswith(revised):
                found.setdefault(mccune + spelling[len(revised):], ch)
    return found


def recall(matcher: TextMatcher) -> None:
    index = matcher.index
    han = han_for_syllables()
    by_reading = HanNames(index.names).by_reading
    cases = {}
    for reading, name_ids in by_reading.items():
        if all(s in han for s in reading):
            cases.setdefault(index.names[name_ids[0]].entity.entity_id, "".join(han[s] for s in reading))
    found = sum(eid in {h.entity.entity_id for h in matcher.screen(f"据报道，{text}被美国制裁。")}
                for eid, text in cases.items())
    print(f"Chinese persons in Han characters: recall {found / len(cases):.3f} ({found} of {len(cases)})")
    searched = sum(any(r["entity_id"] == eid and r["match"] for r in search(index, text, limit=5))
                   for eid, text in cases.items())
    print(f"  the same names in `watchlist search`: the person matched {searched} of {len(cases)}")
    hangul = hangul_for_syllables()
    korean = {}
    for name in index.names:
        words = [t.norm for t in name.tokens]
        if name.is_person and korean_name(name.tokens) and len(words) >= 3 and all(w in hangul for w in words):
            korean.setdefault(name.entity.entity_id, ("".join(hangul[w] for w in words), name.text))
    misses = []
    for eid, (text, listed) in korean.items():
        if eid not in {h.entity.entity_id for h in matcher.screen(f"북한의 {text}이 말했다.")}:
            misses.append((text, listed))
    print(f"Korean persons in Hangul: recall {1 - len(misses) / len(korean):.3f} "
          f"({len(korean) - len(misses)} of {len(korean)})")
    for text, listed in misses[:10]:
        print(f"  MISS {text} ({listed})")


def foreign_names(matcher: TextMatcher) -> None:
    """The listed persons of tests/fixtures/script_pairs.jsonl as the Japanese and Korean press
    write them (katakana, Hangul), whole and by the last word alone, in a sentence."""
    by_name = {n.text: n.entity for n in matcher.index.names}
    pairs = [json.loads(line) for line in (ROOT / "tests" / "fixtures" / "script_pairs.jsonl").open(encoding="utf-8")]
    for script, sentence in (("japanese", "{}氏は声明を発表した。"), ("korean", "{}{} 성명을 발표했다.")):
        found = total = wrong = 0
        misses = []
        for pair in pairs:
            if not pair["id"].startswith(script) or pair["name2"] not in by_name:
                continue
            entity = by_name[pair["name2"]]
            for name in (pair["name1"], re.split(r"[\s・]", pair["name1"])[-1]):
                if script == "korean":  # (the topic particle: 은 after a last consonant, 는 after a vowel)
                    text = sentence.format(name, "은" if (ord(name[-1]) - 0xAC00) % 28 else "는")
                else:
                    text = sentence.format(name)
                ids = {h.entity.entity_id for h in matcher.screen(text)}
                if pair["match"]:
                    total += 1
                    found += entity.entity_id in ids
                    if entity.entity_id not in ids:
                        misses.append((name, pair["name2"]))
                elif name == pair["name1"]:
                    wrong += entity.entity_id in ids
        print(f"{script} press names of listed persons, whole and the last word alone: recall {found / total:.3f} "
              f"({found} of {total}); {wrong} hits of another listed person of a like name")
        for name, listed in misses[:10]:
            print(f"  MISS {name} ({listed})")


def word_salad(lang: str, paragraphs: int, rng: random.Random) -> list[str]:
    freq = get_frequency_dict(lang)
    words = sorted(freq, key=freq.__getitem__, reverse=True)[:20_000]
    weights = [freq[w] for w in words]
    joiner = " " if lang == "ko" else ""
    return [joiner.join(rng.choices(words, weights, k=30)) + "。" for _ in range(paragraphs)]


def false_alarms(matcher: TextMatcher, paragraphs: int, seed: int) -> None:
    for lang in ("zh", "ja", "ko"):
        texts = word_salad(lang, paragraphs, random.Random(seed))
        report_hits(matcher, f"{lang} word salad  {len(texts)} paragraphs of 30 words", texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    matcher = TextMatcher(bundled_index())
    recall(matcher)
    foreign_names(matcher)
    false_alarms(matcher, args.paragraphs, args.seed)


if __name__ == "__main__":
    main()
