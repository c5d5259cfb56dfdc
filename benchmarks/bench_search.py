"""List screening: listed names with typos found, look-alike names not, and how fast.

    .venv/bin/python benchmarks/bench_search.py [--positives 2000] [--negatives 100000]
        [--save-queries FILE | --load-queries FILE]

What `monitor watchlist search` does for a customer name, against the bundled OFAC SDN list:
- positives: listed names (primary or alias) as a customer file would hold them: persons in
  "Given Surname" order, some in lowercase, with one typo (a letter dropped, doubled, swapped
  with the next or replaced, never the first), or with a middle name or patronymic left out.
  Found means the listed entity is first (or tied first: charities' branches share names) and
  its score reaches the threshold;
- negatives: names made of listed name parts that no listed name is made of: a listed given
  name with another listed person's surname, or ordinary words of listed organisations' names
  put together (a rare word would name the listed firm itself). Any result reaching the
  threshold is a false alarm.
The baseline in the same run is rapidfuzz's `process.extractOne` with WRatio over all listed
names (a common screening shortcut), at its usual cut-off of 90.
Prints recall, false alarms per 1,000 names, latency percentiles and names per second; then
recall on listed names with a typo in a short word (three or four letters), by kind of typo.

The look-alikes are drawn from listed name parts by their role in the name, so a change to how
names are read changes the set a little: to compare two versions of the code on one set, save
the queries with one (`--save-queries`) and score them with the other (`--load-queries`).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import string
import time

from _bundled import bundled_index
from rapidfuzz import fuzz, process, utils

from monitor.matching import vocab
from monitor.matching.normalize import name_tokens, phonetic_keys
from monitor.matching.pairs import search


def customer_form(name: str, schema: str) -> str:
    """'PRIGOZHIN, Yevgeniy Viktorovich' -> 'Yevgeniy Viktorovich Prigozhin'."""
    if schema == "Person" and "," in name:
        surname, _, given = name.partition(",")
        return f"{given.strip()} {surname.strip()}".strip()
    return name


TYPOS = ("drop", "double", "swap", "replace")


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    k = rng.randrange(1, len(word) - 1)
    op = rng.choice(TYPOS)
    return typed(word, op, k, rng.choice(string.ascii_lowercase) if op == "replace" else "")


def typed(word: str, op: str, k: int, letter: str = "") -> str:
    """`word` with the typo `op` (one of `TYPOS`) at its k-th letter; a replacing `letter` in
    the word's case."""
    if op == "drop":
        return word[:k] + word[k + 1:]
    if op == "double":
        return word[:k] + word[k] + word[k:]
    if op == "swap":
        return word[:k] + word[k + 1] + word[k] + word[k + 2:]
    return word[:k] + (letter.upper() if word.isupper() else letter) + word[k + 1:]


def vary(name: str, schema: str, rng: random.Random) -> tuple[str, str]:
    words = customer_form(name, schema).split()
    how = rng.choice(("typo", "typo", "drop middle", "lowercase"))
    if how == "drop middle" and schema == "Person" and len(words) >= 3:
        del words[rng.randrange(1, len(words) - 1)]
    elif how == "lowercase":
        words = [w.lower() for w in words]
    else:
        how = "typo"
        longest = max(range(len(words)), key=lambda k: len(words[k]))
        words[longest] = typo(words[longest], rng)
    return " ".join(words), how


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--positives", type=int, default=2000)
    parser.add_argument("--negatives", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--baseline-sample", type=int, default=2000,
                        help="names screened by the baseline (it is slow: every name against every listed name)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--save-queries", metavar="FILE", help="write the queries drawn (JSON) to FILE")
    parser.add_argument("--load-queries", metavar="FILE", help="score the queries of FILE instead of drawing them")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    index = bundled_index()
    entities = list(index.entities.values())
    names = [(n.text, n.entity.entity_id, n.entity.schema) for n in index.names if n.kind != "weak"]
    print(f"index: {len(entities)} entities, {len(index.names)} names")

    if args.load_queries:
        positives, negatives = load_queries(args.load_queries, index)
    else:
        positives, negatives = draw_queries(index, names, rng, args.positives, args.negatives)
    if args.save_queries:
        with open(args.save_queries, "w", encoding="utf-8") as fh:
            json.dump({"positives": [(q, index.entities[eid].source, index.entities[eid].source_id, s, how)
                                     for q, eid, s, how in positives], "negatives": negatives}, fh)
    print(f"queries: {len(positives)} listed names varied, {len(negatives)} look-alike names")
    run(index, names, positives, negatives, args.threshold, args.baseline_sample)
    short_word_typos(index, names, random.Random(args.seed + 1), args.threshold)
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


def short_word_typos(index, names: list, rng: random.Random, threshold: float,  # type: ignore[no-untyped-def]
                     draws: int = 1500) -> None:
    """Recall on listed names with one typo in a word of three or four letters (which `typo`
    leaves alone): a letter dropped, doubled, replaced or swapped with the next, never the first,
    by the kind of typo and the word's length (drawn with a generator of their own, so the
    queries above stay the same)."""
    found: dict[tuple[str, int], list[int]] = {}
    for text, eid, schema in rng.sample(names, draws):
        words = customer_form(text, schema).split()
        short = [k for k, w in enumerate(words) if 3 <= len(w) <= 4 and w.isalpha()]
        if not short or len(words) < 2:
            continue
        k = rng.choice(short)
        word = words[k]
        op = rng.choice(TYPOS)
        i = rng.randrange(1, len(word) if op == "drop" else len(word) - 1)
        words[k] = typed(word, op, i, rng.choice(string.ascii_lowercase))
        results = search(index, " ".join(words), None, 5, threshold)
        top = results[0]["score"] if results else 0.0
        ok = any(r["entity_id"] == eid and r["match"] and r["score"] >= top - 1e-9 for r in results)
        tally = found.setdefault((op, len(word)), [0, 0])
        tally[0] += ok
        tally[1] += 1
    print("a typo in a word of 3 or 4 letters (recall by kind and length): " + "; ".join(
        f"{op} {n} {ok}/{total}" for (op, n), (ok, total) in sorted(found.items())))


def load_queries(path: str, index) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    with open(path, encoding="utf-8") as fh:
        saved = json.load(fh)
    ids = {(e.source, e.source_id): eid for eid, e in index.entities.items()}
    positives = [(q, ids[source, source_id], s, how) for q, source, source_id, s, how in saved["positives"]]
    return positives, [tuple(n) for n in saved["negatives"]]


def draw_queries(index, names: list, rng: random.Random, n_positives: int,  # type: ignore[no-untyped-def]
                 n_negatives: int) -> tuple[list, list]:
    positives = []
    for text, eid, schema in rng.sample(names, n_positives):
        query, how = vary(text, schema, rng)
        positives.append((query, eid, schema, how))

    # Look-alikes: listed parts in combinations no listed name has (by sound, in any order).
    listed_keys: dict[str, set[int]] = {}
    for idx, n in enumerate(index.names):
        for t in n.tokens:
            for key in t.keys:
                listed_keys.setdefault(key, set()).add(idx)
    givens, surnames, org_words = [], [], []
    for n in index.names:
        for t in n.tokens:
            if t.role == "given" and len(t.norm) > 2:
                givens.append(t.norm.title())
            elif t.role == "surname" and len(t.norm) > 2:
                surnames.append(t.norm.title())
            elif t.role in ("core", "generic") and len(t.norm) > 2 and vocab.zipf(t.norm) >= 3.5:
                org_words.append(t.norm.upper())  # ordinary words: a rare one would name the listed firm

    def listed_somewhere(words: list[str]) -> bool:
        common: set[int] | None = None
        for w in words:
            found = set().union(*(listed_keys.get(k, set()) for k in phonetic_keys(w.lower())))
            common = found if common is None else common & found
            if not common:
                return False
        return bool(common)

    negatives: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(negatives) < n_negatives:
        if rng.random() < 0.7:
            words = [rng.choice(givens), rng.choice(surnames)]
            schema = "Person"
        else:
            words = [rng.choice(org_words) for _ in range(rng.choice((2, 2, 3)))] + [rng.choice(("LLC", "LTD", "CO", "JSC", ""))]
            words = [w for w in words if w]
            schema = "Organization"
        query = " ".join(words)
        if query in seen or listed_somewhere([w for w in name_tokens(query) if w not in ("llc", "ltd", "co", "jsc")]):
            continue
        seen.add(query)
        negatives.append((query, schema))
    return positives, negatives


def run(index, names: list, positives: list, negatives: list, threshold: float,  # type: ignore[no-untyped-def]
        baseline_sample: int) -> None:
    search(index, "warm up", None, 5, threshold)
    latencies: list[float] = []
    found = 0
    by_how: dict[str, list[int]] = {}
    misses = []
    started = time.perf_counter()
    for query, eid, _schema, how in positives:
        t0 = time.perf_counter()
        results = search(index, query, None, 5, threshold)
        latencies.append(time.perf_counter() - t0)
        # Several entities may share the name (a charity's branches): any of the best will do.
        top = results[0]["score"] if results else 0.0
        ok = any(r["entity_id"] == eid and r["match"] and r["score"] >= top - 1e-9 for r in results)
        found += ok
        by_how.setdefault(how, [0, 0])[0] += ok
        by_how[how][1] += 1
        if not ok and len(misses) < 15:
            misses.append((query, index.entities[eid].name, results[0]["name"] if results else None,
                           results[0]["score"] if results else None))
    alarms = 0
    alarm_examples = []
    for query, _schema in negatives:
        t0 = time.perf_counter()
        results = search(index, query, None, 5, threshold)
        latencies.append(time.perf_counter() - t0)
        if results and results[0]["match"]:
            alarms += 1
            if len(alarm_examples) < 15:
                alarm_examples.append((query, results[0]["matched_name"], results[0]["score"]))
    secs = time.perf_counter() - started
    latencies.sort()
    total = len(positives) + len(negatives)
    print(f"monitor search (threshold {threshold}):")
    print(f"  recall {found / len(positives):.3f} ({found} of {len(positives)} first and matching)"
          + "".join(f"; {how} {ok}/{n}" for how, (ok, n) in sorted(by_how.items())))
    print(f"  false alarms {alarms} of {len(negatives)} look-alikes = {1000 * alarms / len(negatives):.1f} per 1,000")
    print(f"  latency p50 {1e3 * statistics.median(latencies):.2f} ms, p95 {1e3 * latencies[int(0.95 * len(latencies))]:.2f} ms, "
          f"p99 {1e3 * latencies[int(0.99 * len(latencies))]:.2f} ms; {total / secs:.0f} names/s")
    for query, listed, got, score in misses:
        print(f"  MISS  {query!r} (listed {listed!r}) -> {got!r} {score}")
    for query, matched, score in alarm_examples:
        print(f"  FALSE {query!r} -> {matched!r} {score}")

    # Baseline: WRatio over every listed name, on a sample (it scans the whole list per query).
    choices = [n[0] for n in names]
    owner = [n[1] for n in names]
    sample_pos = positives[: baseline_sample // 2]
    sample_neg = negatives[: baseline_sample // 2]
    if not sample_pos or not sample_neg:
        return
    started = time.perf_counter()
    base_found = 0
    for query, eid, _schema, _how in sample_pos:
        best = process.extractOne(query, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=90)
        base_found += bool(best) and owner[best[2]] == eid
    base_alarms = 0
    for query, _schema in sample_neg:
        base_alarms += process.extractOne(query, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                                          score_cutoff=90) is not None
    secs = time.perf_counter() - started
    print(f"baseline rapidfuzz WRatio >= 90 on {len(sample_pos)} + {len(sample_neg)} of the same names:")
    print(f"  recall {base_found / len(sample_pos):.3f}; false alarms {1000 * base_alarms / len(sample_neg):.1f} per 1,000; "
          f"{(len(sample_pos) + len(sample_neg)) / secs:.0f} names/s")


if __name__ == "__main__":
    main()
