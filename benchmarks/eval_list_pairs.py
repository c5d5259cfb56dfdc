"""Name-pair quality on pairs drawn from the real lists, against rapidfuzz in the same run.

    .venv/bin/python benchmarks/eval_list_pairs.py [--out pairs.jsonl] [--errors errors.tsv]

The lists say which names belong to one entity, so they give labelled pairs nobody here wrote:
- positives: an OFAC SDN entity's alias against its primary name (aka; weak = OFAC's
  "low quality" aliases), a UN consolidated list entry's alias against its name, and a UN
  entry's name in its original script (Arabic, Cyrillic, ...) against its Latin name;
- negatives: a listed name against the most similar name of another entity of the same schema
  (rapidfuzz token_sort_ratio), name-identical pairs left out; and a UN original-script name
  against another entry's Latin name that shares a word with it.
Aliases are not all spellings of one name (nicknames, former names, acronyms): the "shared"
rows keep only positives whose names share a word by sound, the pairs a name matcher can get.
The bundled OFAC list is read from watchlists/, the UN list from ../shared/data (UN terms: it
is not copied here). `--out` writes the pairs as `monitor eval` lines.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from monitor.matching.normalize import name_tokens, normalize_phrase, phonetic_keys
from monitor.matching.pairs import compare_names
from monitor.watchlists import parse_path

ROOT = Path(__file__).resolve().parent.parent
UN = ROOT.parent / "shared" / "data" / "watchlists" / "un_consolidated" / "UN_consolidated.xml"
LATIN = re.compile(r"^[\x00-\u024f\s\W]*$")


def build_pairs(sample: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    ofac = parse_path("ofac-sdn", ROOT / "watchlists" / "ofac_sdn").entities
    un = parse_path("un", UN).entities if UN.exists() else []
    pairs: list[dict] = []

    def add(kind: str, a: str, b: str, schema: str, match: bool) -> None:
        pairs.append({"id": f"{kind}:{len(pairs)}", "name1": a, "name2": b, "schema": schema, "match": match})

    for e in rng.sample(ofac, min(sample, len(ofac))):
        akas = [n for n in e.aliases if n.kind in ("aka", "weak")]
        if akas:
            n = rng.choice(akas)
            add(f"ofac-{n.kind}-{e.schema}", n.name, e.name, e.schema, True)
    for e in un:
        for n in e.aliases:
            if not LATIN.match(n.name):
                add(f"un-script-{e.schema}", n.name, e.name, e.schema, True)
            elif n.kind == "aka" and rng.random() < 0.3:
                add(f"un-aka-{e.schema}", n.name, e.name, e.schema, True)
    # Original-script names against another entry's Latin name sharing a word with them.
    words = {e.source_id: {k for w in name_tokens(e.name) if len(w) > 2 for k in phonetic_keys(w)} for e in un}
    for e in un:
        for n in e.aliases:
            if LATIN.match(n.name):
                continue
            mine = {k for w in name_tokens(n.name) if len(w) > 2 for k in phonetic_keys(w)}
            others = [o for o in un if o.source_id != e.source_id and o.schema == e.schema and words[o.source_id] & mine]
            if others:
                add(f"un-script-near-{e.schema}", n.name, rng.choice(others).name, e.schema, False)
    by_schema: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in ofac:
        for n in e.all_names():
            by_schema[e.schema].append((n.name, e.source_id))
    for e in rng.sample(ofac, min(sample, len(ofac))):
        candidates = by_schema[e.schema]
        found = process.extract(e.name, [c[0] for c in candidates], scorer=fuzz.token_sort_ratio,
                                processor=utils.default_process, limit=8)
        for name, _score, idx in found:
            if candidates[idx][1] != e.source_id and normalize_phrase(name) != normalize_phrase(e.name):
                add(f"ofac-near-{e.schema}", e.name, name, e.schema, False)
                break
    return pairs


def shares_a_word(a: str, b: str) -> bool:
    keys_a = {k for w in name_tokens(a) if len(w) > 2 for k in phonetic_keys(w)}
    return bool(keys_a & {k for w in name_tokens(b) if len(w) > 2 for k in phonetic_keys(w)})


def prf(counts: list[int]) -> str:
    tp, fp, fn, tn = counts
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp} tp, {fp} fp, {fn} fn, {tn} tn)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=2500, help="OFAC entities drawn for each pair kind")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--out", type=Path, help="write the pairs as JSON lines for `monitor eval`")
    parser.add_argument("--errors", type=Path, help="write our misses and false matches here")
    args = parser.parse_args()
    started = time.perf_counter()
    pairs = build_pairs(args.sample, args.seed)
    print(f"{len(pairs)} pairs built in {time.perf_counter() - started:.1f} s"
          + ("" if UN.exists() else f" (no UN list at {UN}: OFAC pairs only)"))
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for p in pairs:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    ours: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    base: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    ours_secs = 0.0
    bands: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])  # (schema, band) -> [same, all]
    for p in pairs:
        kind = p["id"].split(":")[0]
        groups = [kind, "all"]
        if not p["match"] or shares_a_word(p["name1"], p["name2"]):
            groups.append("all, positives sharing a word")
        t0 = time.perf_counter()
        result = compare_names(p["name1"], p["name2"], p["schema"], args.threshold)
        ours_secs += time.perf_counter() - t0
        baseline = fuzz.token_sort_ratio(p["name1"], p["name2"], processor=utils.default_process) >= 90
        for table, said in ((ours, result.match), (base, baseline)):
            cell = (0 if said else 2) if p["match"] else (1 if said else 3)
            for g in groups:
                table[g][cell] += 1
        if result.match != p["match"]:
            errors.append(f"{kind}\t{result.score:.3f}\t{p['name1']}\t{p['name2']}")
        band = bands[p["schema"], min(int(result.score * 10), 9)]
        band[0] += p["match"]
        band[1] += 1
    print(f"monitor compare at threshold {args.threshold}; baseline rapidfuzz token_sort_ratio >= 90; "
          f"{1e6 * ours_secs / len(pairs):.1f} us a pair")
    for group in sorted(ours, key=lambda g: (not g.startswith("all"), g)):
        print(f"{group:32} monitor  {prf(ours[group])}")
        print(f"{'':32} baseline {prf(base[group])}")
    # Calibration: how often a pair in each score band names one entity, by schema. The same
    # share at the same score would mean the threshold says the same of every schema (the
    # negatives are each name's nearest namesake, so the shares are lower than in screening).
    print("calibration: pairs of one entity / pairs, by score band (monitor)")
    print(f"{'':14}" + "".join(f"{f'{b / 10:.1f}-{(b + 1) / 10:.1f}':>13}" for b in range(5, 10)))
    for schema in sorted({s for s, _b in bands}):
        cells = [bands.get((schema, b), [0, 0]) for b in range(5, 10)]
        print(f"{schema:14}" + "".join(f"{f'{same}/{n}':>13}" for same, n in cells))
    if args.errors:
        args.errors.write_text("\n".join(sorted(errors)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
