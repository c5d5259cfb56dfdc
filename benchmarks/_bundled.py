"""The match index of the bundled lists, built in a throwaway SQLite database (for benchmarks)."""

from __future__ import annotations

import tempfile

from monitor.db import Database
from monitor.matching.index import MatchIndex
from monitor.pipeline import prepare
from monitor.screening import build_index


def bundled_index() -> MatchIndex:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        prepare(db)
        with db.session() as session:
            return build_index(session)
