"""Shared fixtures: databases on SQLite and the real PostgreSQL, the bundled list, a matcher."""

from __future__ import annotations

import functools
import http.server
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from monitor.db import Database
from monitor.matching import MatchIndex, TextMatcher
from monitor.pipeline import prepare
from monitor.screening import build_index

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
PG_URL = os.environ.get("MONITOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_conninfo(url: str) -> str:
    u = make_url(url)
    return f"host={u.host or '127.0.0.1'} port={u.port or 5432} user={u.username or 'postgres'} dbname={u.database or 'test'}"


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[callable]:
    """Factory of PostgreSQL URLs, each bound to a fresh schema dropped at the end."""
    schemas: list[str] = []

    def make() -> str:
        name = f"monitor_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(_pg_conninfo(PG_URL), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        schemas.append(name)
        sep = "&" if "?" in PG_URL else "?"
        return f"{PG_URL}{sep}options=-csearch_path%3D{name}"

    yield make
    with psycopg.connect(_pg_conninfo(PG_URL), autocommit=True) as conn:
        for name in schemas:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_schema_url) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'monitor.db'}"
    return pg_schema_url()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def loaded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """A SQLite database with the bundled OFAC SDN list imported (shared, read-only use)."""
    path = tmp_path_factory.mktemp("loaded") / "monitor.db"
    database = Database(f"sqlite:///{path}")
    prepare(database)
    return database


@pytest.fixture(scope="session")
def sdn_index(loaded_sqlite: Database) -> MatchIndex:
    with loaded_sqlite.session() as session:
        return build_index(session)


@pytest.fixture(scope="session")
def matcher(sdn_index: MatchIndex) -> TextMatcher:
    return TextMatcher(sdn_index, threshold=0.7)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh MONITOR_HOME with no MONITOR_* settings leaking in from the environment."""
    for key in list(os.environ):
        if key.startswith("MONITOR_") and not key.startswith("MONITOR_TEST_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def static_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server (Last-Modified, If-Modified-Since) over a fresh folder: (base URL, folder)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
