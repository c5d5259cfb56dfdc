"""The match index of the bundled lists, built in a throwaway SQLite database, and the report of
what it finds in prose that names no one (for benchmarks)."""

from __future__ import annotations

import tempfile
import time

from monitor.db import Database
from monitor.matching import TextMatcher
from monitor.matching.index import MatchIndex
from monitor.pipeline import prepare
from monitor.screening import build_index


def bundled_index() -> MatchIndex:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        prepare(db)
        with db.session() as session:
            return build_index(session)


def report_hits(matcher: TextMatcher, label: str, texts: list[str], noun: str = "hits", shown: int = 8) -> int:
    """Screen `texts`, prose that names no one, and print how many hits, per 1,000 texts, how
    fast, and the best scored; the number of hits."""
    started = time.perf_counter()
    hits = [(h.score, h.text, h.matched_name) for t in texts for h in matcher.screen(t)]
    secs = time.perf_counter() - started
    print(f"{label}: {len(hits)} {noun} = {1000 * len(hits) / len(texts):.1f} per 1,000 paragraphs "
          f"({1000 * secs / len(texts):.1f} ms a paragraph)")
    for score, text, name in sorted(hits, reverse=True)[:shown]:
        print(f"   {score:.2f}  {text!r} -> {name}")
    return len(hits)
