"""Name-pair quality across two lists: one person as the UN names them and as OFAC does.

    .venv/bin/python benchmarks/eval_cross_list.py [--threshold 0.7] [--errors errors.tsv]

Two lists transliterate and order a person's name each its own way (UN: "AIMAN MUHAMMED RABI
AL-ZAWAHIRI", OFAC: "AL ZAWAHIRI, Dr. Ayman"), as the pairs of a public name-pair benchmark
do. Neither list says which of the other's entries is the same person; a date of birth does,
and no name matcher decides it:
- positives: a UN person and an OFAC SDN person born on the same full date (1 January left
  out: a placeholder), one of whose names shares enough with one of the other's to rule out a
  shared birthday (rapidfuzz token_set_ratio >= 60 of the best pair of names), each entry
  linked once, the best linked first;
- negatives: a UN person against the OFAC person whose name is most like theirs
  (token_sort_ratio) among those born five years apart or more (the lists disagree by a year
  or two on one person's birth), names that are the same words left out (no name can tell
  two KIM, Yong Chol apart).
Each pair is scored on the primary names ("primary"), and as a screening tool would, as the
best score over all their names ("any name"). Against rapidfuzz token_sort_ratio >= 90 in the
same run. The UN list is read from ../shared/data (UN terms: it is not copied here).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from eval_list_pairs import prf
from rapidfuzz import fuzz, process, utils

from monitor.matching.pairs import compare_names
from monitor.watchlists import parse_path
from monitor.watchlists.model import ListedEntity

ROOT = Path(__file__).resolve().parent.parent
UN = ROOT.parent / "shared" / "data" / "watchlists" / "un_consolidated" / "UN_consolidated.xml"
LINKED = 60  # token_set_ratio of the best pair of names that, with the birth date, links two entries


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dates(e: ListedEntity) -> set[date]:
    """The full birth dates a list gives (UN 1961-06-01, OFAC 01 Jun 1961)."""
    found = set()
    for text in e.birth_dates:
        for form in ("%Y-%m-%d", "%d %b %Y"):
            with contextlib.suppress(ValueError):
                found.add(datetime.strptime(text.strip().rstrip("."), form).date())
    return found


def _years(e: ListedEntity) -> set[int]:
    """Every year a list gives as a birth year (both ends of "1967 to 1969")."""
    return {int(y) for text in e.birth_dates for y in _YEAR.findall(text)}


def _names(e: ListedEntity) -> list[str]:
    return [n.name for n in e.all_names()]


def _link(u: ListedEntity, o: ListedEntity) -> float:
    return max(fuzz.token_set_ratio(a, b, processor=utils.default_process) for a in _names(u) for b in _names(o))


def build_pairs() -> list[tuple[ListedEntity, ListedEntity, bool]]:
    un = [e for e in parse_path("un", UN).entities if e.schema == "Person"]
    ofac = [e for e in parse_path("ofac-sdn", ROOT / "watchlists" / "ofac_sdn").entities if e.schema == "Person"]
    born: dict[date, list[ListedEntity]] = defaultdict(list)
    for o in ofac:
        for d in _dates(o):
            born[d].append(o)
    links: dict[tuple[str, str], tuple[float, ListedEntity, ListedEntity]] = {}
    for u in un:
        for d in _dates(u):
            if (d.month, d.day) == (1, 1):
                continue
            for o in born.get(d, []):
                if (u.source_id, o.source_id) not in links and (link := _link(u, o)) >= LINKED:
                    links[u.source_id, o.source_id] = (link, u, o)
    pairs: list[tuple[ListedEntity, ListedEntity, bool]] = []
    taken_un: set[str] = set()
    taken_ofac: set[str] = set()
    for _score, u, o in sorted(links.values(), key=lambda x: -x[0]):
        if u.source_id not in taken_un and o.source_id not in taken_ofac:
            taken_un.add(u.source_id)
            taken_ofac.add(o.source_id)
            pairs.append((u, o, True))
    dated = [o for o in ofac if _years(o)]
    names = [o.name for o in dated]
    for u in un:
        years = _years(u)
        if not years:
            continue
        for _name, _score, k in process.extract(u.name, names, scorer=fuzz.token_sort_ratio,
                                                processor=utils.default_process, limit=20):
            if min(abs(x - y) for x in years for y in _years(dated[k])) >= 5 and \
                    fuzz.token_sort_ratio(u.name, dated[k].name, processor=utils.default_process) < 100:
                pairs.append((u, dated[k], False))
                break
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--errors", type=Path, help="write our misses and false matches here")
    args = parser.parse_args()
    if not UN.exists():
        raise SystemExit(f"no UN list at {UN}: nothing to pair")
    started = time.perf_counter()
    pairs = build_pairs()
    print(f"{len(pairs)} pairs ({sum(m for _u, _o, m in pairs)} of one person) built in "
          f"{time.perf_counter() - started:.1f} s")
    ours: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    base: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for u, o, same in pairs:
        primary = compare_names(u.name, o.name, "Person", args.threshold)
        best = max((compare_names(a, b, "Person", args.threshold) for a in _names(u) for b in _names(o)),
                   key=lambda r: r.score)
        found = {
            "primary": (primary.match, fuzz.token_sort_ratio(u.name, o.name, processor=utils.default_process) >= 90),
            "any name": (best.match, max(fuzz.token_sort_ratio(a, b, processor=utils.default_process)
                                         for a in _names(u) for b in _names(o)) >= 90),
        }
        for group, (said, baseline) in found.items():
            for table, yes in ((ours, said), (base, baseline)):
                table[group][(0 if yes else 2) if same else (1 if yes else 3)] += 1
        if primary.match != same:
            errors.append(f"{'miss' if same else 'false'}\t{primary.score:.3f}\t{best.score:.3f}\t{u.name}\t{o.name}")
    print(f"monitor compare at threshold {args.threshold}; baseline rapidfuzz token_sort_ratio >= 90")
    for group in ours:
        print(f"{group:10} monitor  {prf(ours[group])}")
        print(f"{'':10} baseline {prf(base[group])}")
    if args.errors:
        args.errors.write_text("\n".join(sorted(errors)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
