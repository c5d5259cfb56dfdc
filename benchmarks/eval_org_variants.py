"""Mentions of listed organisations as the press varies their names, in news-like sentences.

    .venv/bin/python benchmarks/eval_org_variants.py [--orgs 800] [--seed 5] [--show 8]

Organisations drawn from the bundled OFAC SDN list are written in title case into a sentence
(as `eval_sentences.py` writes them) with their legal form dropped ("Innfocus" for INNFOCUS
LIMITED LIABILITY COMPANY), swapped for another ("Innfocus Llc"; "Castle Security And Protection
Ltd" for ... LLC) or, for a name of two words or more without one, with its first word moved to
the end ("Partners Expert"); and whole with Co. for Company, Corp. for Corporation, & for and or
and for & ("Puma Security Co.", "Wayside Corp."); and whole with one slip of the pen in a word of
five letters or more ("Omid Bonyan Day Insnurance Services"; a one-word name must be spelled as
listed by design). A sentence counts as found when the entity is among its hits at
the default threshold. Names of ordinary words ("Pacific Steel" of PACIFIC STEEL FZE) need
support by design and count as they fall; look-alike firms that must stay quiet are in
`eval_variants.py`.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from _bundled import bundled_index
from eval_variants import slipped

from monitor.matching import TextMatcher

TEMPLATES = ["{n} said on Monday that the deal was off.", "Shares in {n} fell sharply after the announcement.",
             "Investigators traced the payments to {n}."]
# Legal forms as the lists write them: phrases first, then single words.
_PHRASES = re.compile(r"\b(?:(?:PUBLIC|CLOSED|OPEN|PRIVATE) )?JOINT[ -]STOCK COMPANY\b|\bLIMITED LIABILITY COMPANY\b"
                      r"|\bOBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU\b|\bAKTSIONERNOE OBSHCHESTVO\b|\bCO\., LTD\.?")
_FORMS = frozenset(["LLC", "LTD", "LIMITED", "CO", "INC", "SA", "JSC", "OOO", "OAO", "ZAO", "PJSC", "GMBH", "CORP",
                    "CORPORATION", "LLC", "SAL", "FZE", "PLC", "AG", "LLP", "PTE", "PVT", "AO", "PAO", "CJSC", "OJSC",
                    "SRL", "S.A", "L.L.C", "S.A.L", "S.R.L"])


_DRAWN = frozenset(["legal form dropped", "legal form swapped", "word order"])


def variants(name: str) -> dict[str, str]:
    """The name with its legal form dropped, swapped, or its words reordered (as applies)."""
    bare = _PHRASES.sub(" ", name)
    words = bare.replace(",", " ").split()
    core = [w for w in words if w.upper().strip(".") not in _FORMS]
    has_form = bare != name or len(core) < len(words)
    found: dict[str, str] = {}
    if not core:
        return found
    if has_form:
        found["legal form dropped"] = " ".join(core)
    found["legal form swapped"] = " ".join(core) + (" Ltd" if "LLC" in name or "LIABILITY" in name else " LLC")
    if len(core) >= 2 and not has_form:
        found["word order"] = " ".join(core[1:] + core[:1])
    # The press's abbreviations and ampersands (the whole name, legal form kept).
    for kind, pattern, repl in (("Co. for Company", r"\bCOMPANY\b", "Co."), ("Corp. for Corporation", r"\bCORPORATION\b", "Corp."),
                                ("& for and", r" AND ", " & "), ("and for &", r" & ", " and ")):
        if (other := re.sub(pattern, repl, name)) != name:
            found[kind] = other
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=800)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=8, help="misses listed per kind")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    slips = random.Random(args.seed + 1)  # (its own generator: the other kinds' sentences stay the same)
    index = bundled_index()
    matcher = TextMatcher(index)
    orgs = [e for e in index.entities.values() if e.schema == "Organization"]
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses: dict[str, list[tuple[str, str]]] = {}
    for entity in rng.sample(orgs, min(args.orgs, len(orgs))):
        kinds = variants(entity.name)
        words = [w for w in entity.name.split() if len(w) >= 5 and w.isalpha()]
        if words and (other := slipped(word := slips.choice(words), slips)) is not None:
            kinds["a word slipped"] = entity.name.replace(word, other.upper(), 1)
        for kind, name in kinds.items():
            # (the later kinds' templates drawn by the name, not the generator: added kinds
            # leave the others' sentences as they were)
            template = rng.choice(TEMPLATES) if kind in _DRAWN else TEMPLATES[len(name) % len(TEMPLATES)]
            text = template.format(n=name.title())
            ok = any(h.entity.entity_id == entity.entity_id for h in matcher.screen(text))
            total[kind] += 1
            found[kind] += ok
            if not ok:
                misses.setdefault(kind, []).append((text, entity.name))
    print(f"variants of {args.orgs} listed organisations' names in sentences (threshold {matcher.threshold}):")
    for kind in total:
        print(f"  {kind:22} recall {found[kind] / total[kind]:.3f} ({found[kind]} of {total[kind]})")
    for kind, missed in misses.items():
        for text, listed in missed[: args.show]:
            print(f"  MISS {kind}: {text!r} ({listed})")


if __name__ == "__main__":
    main()
