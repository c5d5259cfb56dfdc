"""Mentions in Arabic-script and Hebrew text: what the matcher finds there, and its false alarms.

    .venv/bin/python benchmarks/eval_abjad.py [--paragraphs 3000] [--seed 5]

The text matcher reads a word in Arabic, Persian or Hebrew script by its consonants, as compare
and watchlist search do (`abjad`; folded, بوتين is 'bwtyn'), within limits that keep chance
readings of common words out (see `TextMatcher._read_abjad` and `_abjad_named`). This measures
what it finds and what it finds by chance:

Recall: every name the UN consolidated list gives in Arabic script (../shared/data, UN terms:
read from there, not copied), written into an Arabic sentence ("وقال ... في بيان"), screened
against an index of the UN entries' Latin names only. Found means the entry is among the hits at
the default threshold.

False alarms: there is no Arabic or Hebrew news here, so the prose is made of words as often as
text uses them (wordfreq's lists for 'ar', 'fa', 'ur' and 'he', the 20,000 commonest, drawn by
frequency: names such as محمد and علي among them, as in news), 30 words a paragraph, screened
against the bundled OFAC SDN list. A word salad has no real mentions: every hit is a false
alarm, and two common words side by side are the shape of the hardest ones (Arabic writes no
short vowels: قال "said" has the consonants of GILL, يمر نساء "women pass" those of YUNUS, Umar).
"""

from __future__ import annotations

import argparse
import random
import re

from _bundled import bundled_index, report_hits
from eval_list_pairs import LATIN, UN  # the UN list in ../shared, and a name in Latin letters
from wordfreq import top_n_list, word_frequency

from monitor.matching import TextMatcher
from monitor.matching.index import MatchIndex
from monitor.matching.model import EntityRecord
from monitor.watchlists import parse_path

ARABIC = re.compile(r"[\u0600-\u06ff]")


def recall() -> None:
    entities = parse_path("un", UN).entities
    records, cases = [], []
    for n, e in enumerate(entities, 1):
        latin = [(e.name, "primary")] + [(a.name, a.kind) for a in e.aliases if LATIN.match(a.name)]
        records.append(EntityRecord(n, "un", e.source_id, e.schema, e.name, tuple(latin)))
        cases += [(a.name, e.source_id, e.schema) for a in e.aliases if ARABIC.search(a.name)]
    matcher = TextMatcher(MatchIndex(records))
    found = others = 0
    misses = []
    for name, source_id, _schema in cases:
        hits = matcher.screen(f"وقال {name} في بيان يوم الثلاثاء")
        ids = {h.entity.source_id for h in hits}
        found += source_id in ids
        others += len(ids - {source_id})
        if source_id not in ids:
            misses.append((name, next(e.name for e in entities if e.source_id == source_id)))
    print(f"UN names in Arabic script in a sentence: recall {found / len(cases):.3f} ({found} of {len(cases)}), "
          f"{others} hits of other entries")
    for name, listed in misses[:15]:
        print(f"  MISS {name} ({listed})")


def word_salad(lang: str, paragraphs: int, rng: random.Random) -> list[str]:
    words = top_n_list(lang, 20_000)
    weights = [word_frequency(w, lang) for w in words]
    return [" ".join(rng.choices(words, weights, k=30)) for _ in range(paragraphs)]


def false_alarms(matcher: TextMatcher, paragraphs: int, seed: int) -> None:
    for lang in ("ar", "fa", "ur", "he"):
        texts = word_salad(lang, paragraphs, random.Random(seed))
        report_hits(matcher, f"{lang} word salad  {len(texts)} paragraphs of 30 words", texts, "false alarms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    if UN.exists():
        recall()
    else:
        print(f"no UN list at {UN}: recall not measured")
    false_alarms(TextMatcher(bundled_index()), args.paragraphs, args.seed)


if __name__ == "__main__":
    main()
