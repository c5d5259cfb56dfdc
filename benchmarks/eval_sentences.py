"""Mention recall on news-like sentences about listed entities drawn at random.

    .venv/bin/python benchmarks/eval_sentences.py [--entities 1200] [--seed 1]

Each entity drawn from the bundled OFAC SDN list is written into a sentence the way news
writes names: persons given name first and in title case ("Yevgeniy Viktorovich Prigozhin"),
organisations in title case, vessels after "the tanker" (and again after MV: "The MV Ebano
docked ..."). A sentence counts as found when the
entity is among its hits at the default threshold. The labelled sentences in
tests/fixtures/labelled_mentions.jsonl hold the hard cases; this measures the ordinary ones,
on names nobody picked. Persons whose every name part is common as a name ("Eric Chan") need
support by design and are counted as they fall.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from _bundled import bundled_index

from monitor.matching import TextMatcher

PERSON = ["{n} said on Monday that the deal was off.", "Officials met {n} in the capital last week.",
          "The ministry accused {n} of funding the group.", "According to the filing, {n} controls the firm."]
ORGANIZATION = ["{n} said on Monday that the deal was off.", "Shares in {n} fell sharply after the announcement.",
                "The ministry accused {n} of funding the group.", "Investigators traced the payments to {n}."]
VESSEL = ["The tanker {n} was seen off the coast of Oman.", "The vessel {n} changed its flag last month."]


def as_news_writes(name: str, schema: str) -> str:
    if schema == "Person" and "," in name:
        surname, _, given = name.partition(",")
        name = f"{given.strip()} {surname.strip()}"
    return name if schema == "Vessel" else name.title()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    index = bundled_index()
    matcher = TextMatcher(index)
    entities = [e for e in index.entities.values() if e.schema != "Aircraft"]
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    started = time.perf_counter()
    drawn = rng.sample(entities, min(args.entities, len(entities)))
    for entity in drawn:
        templates = {"Person": PERSON, "Vessel": VESSEL}.get(entity.schema, ORGANIZATION)
        text = rng.choice(templates).format(n=as_news_writes(entity.name, entity.schema))
        ok = any(h.entity.entity_id == entity.entity_id for h in matcher.screen(text))
        total[entity.schema] += 1
        found[entity.schema] += ok
        if not ok:
            misses.append((entity.schema, text))
    secs = time.perf_counter() - started
    print(f"{sum(total.values())} sentences screened in {secs:.1f} s (default threshold {matcher.threshold})")
    for schema in sorted(total):
        print(f"  {schema:13} recall {found[schema] / total[schema]:.3f} ({found[schema]} of {total[schema]})")
    print(f"  {'all':13} recall {sum(found.values()) / sum(total.values()):.3f}")
    # The same vessels after the type shipping news writes before a name, in capitals (drawn
    # from no random generator: the figures above stay as they were).
    prefixed = [(e, f"The MV {e.name.title()} docked at Bandar Abbas.") for e in drawn if e.schema == "Vessel"]
    ok = [t for e, t in prefixed if any(h.entity.entity_id == e.entity_id for h in matcher.screen(t))]
    print(f"  {'Vessel as MV':13} recall {len(ok) / max(1, len(prefixed)):.3f} ({len(ok)} of {len(prefixed)})")
    misses += [("Vessel as MV", t) for _e, t in prefixed if t not in ok]
    for schema, text in misses:
        print(f"  MISS {schema}: {text}")


if __name__ == "__main__":
    main()
