"""`compare` speed: microseconds per name pair, against rapidfuzz's token_sort_ratio (a plain
fuzzy string score, no transliteration or name logic) on the same pairs in the same run.

    .venv/bin/python benchmarks/bench_compare.py [--pairs 20000]

Pairs are drawn from the bundled OFAC SDN names: each listed name against another name of
the same schema (mostly non-matches, as in screening) and against one of its own aliases.
Prints three passes: the first (cold caches: every name and word new, as in `compare --jsonl`
on a file of names never seen), the same names paired anew (each name's analysis cached, as a
listed name's is in screening, but no pair of words compared before), and the first pairs again
(warm: word pairs' similarities cached too); and F1 on the labelled pairs of
tests/fixtures/name_pairs.jsonl. Aim (issue #4): well under 10 us a pair on average.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from rapidfuzz import fuzz, utils

from monitor.evaluation import evaluate_pairs
from monitor.matching.pairs import compare_names
from monitor.watchlists import parse_path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20_000)
    args = parser.parse_args()
    entities = parse_path("ofac-sdn", ROOT / "watchlists" / "ofac_sdn").entities
    rng = random.Random(11)
    by_schema: dict[str, list] = {}
    for e in entities:
        by_schema.setdefault(e.schema, []).append(e)
    pairs: list[tuple[str, str, str]] = []
    while len(pairs) < args.pairs:
        e = rng.choice(entities)
        other = rng.choice(by_schema[e.schema])
        pairs.append((e.name, other.name, e.schema))
        if e.aliases:
            pairs.append((rng.choice(e.aliases).name, e.name, e.schema))
    pairs = pairs[: args.pairs]
    # The same names paired anew: each second name goes to another first name of its schema.
    seconds: dict[str, list[str]] = {}
    for _a, b, s in pairs:
        seconds.setdefault(s, []).append(b)
    for names in seconds.values():
        rng.shuffle(names)
    repaired = [(a, seconds[s].pop(), s) for a, _b, s in pairs]

    for label, batch in (("first pass (cold caches)", pairs), ("names known, pairs new", repaired),
                         ("first pairs again (warm)", pairs)):
        started = time.perf_counter()
        matches = sum(compare_names(a, b, s).match for a, b, s in batch)
        secs = time.perf_counter() - started
        print(f"monitor compare  {label:26} {1e6 * secs / len(batch):7.1f} us/pair  ({matches} matches)")
    started = time.perf_counter()
    base = sum(fuzz.token_sort_ratio(a, b, processor=utils.default_process) >= 90 for a, b, _s in pairs)
    secs = time.perf_counter() - started
    print(f"baseline rapidfuzz token_sort_ratio          {1e6 * secs / len(pairs):7.1f} us/pair  ({base} >= 90)")

    def lines():
        with open(ROOT / "tests" / "fixtures" / "name_pairs.jsonl", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                yield n, json.loads(line), None

    result = evaluate_pairs(list(lines()))
    base_tp = base_fp = base_fn = 0
    for _n, item, _e in lines():
        hit = fuzz.token_sort_ratio(item["name1"], item["name2"], processor=utils.default_process) >= 90
        base_tp += hit and item["match"]
        base_fp += hit and not item["match"]
        base_fn += (not hit) and item["match"]
    bp = base_tp / (base_tp + base_fp) if base_tp + base_fp else 0.0
    br = base_tp / (base_tp + base_fn) if base_tp + base_fn else 0.0
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    print(f"labelled pairs   monitor F1 {result.f1:.3f} (P {result.precision:.3f} R {result.recall:.3f}); "
          f"baseline F1 {bf:.3f} (P {bp:.3f} R {br:.3f}) on {result.examples} pairs")


if __name__ == "__main__":
    main()
