"""Engine, sessions and migrations for one database URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from monitor.exc import DatabaseError
from monitor.resources import migrations_dir

log = logging.getLogger(__name__)


def _redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL keeps every commit atomic and the database consistent after a crash;
    # only a power cut may lose the last commits. FULL costs an fsync per article.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Database:
    """One database: an engine, a session factory and its migration state."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise DatabaseError(f"invalid database URL {url!r}") from None
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict = {"future": True}
        if not self.is_sqlite:
            kwargs.update(pool_pre_ping=True, connect_args={"connect_timeout": 10})
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (ArgumentError, ImportError) as exc:
            raise DatabaseError(f"cannot use database {_redact(url)}: {exc}") from None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- sessions ------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def new_session(self) -> Session:
        return self._sessions()

    # -- migrations ----------------------------------------------------------------------

    def _alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(migrations_dir()))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def head(self) -> str:
        return ScriptDirectory.from_config(self._alembic_config()).get_current_head() or ""

    def current(self) -> str | None:
        """The revision the database is at, or None when it has never been migrated."""
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except OperationalError as exc:
            raise DatabaseError(
                f"cannot connect to database {_redact(self.url)}: {_first_line(exc)}"
            ) from None

    def upgrade(self, revision: str = "head") -> None:
        cfg = self._alembic_config()
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        except OperationalError as exc:
            raise DatabaseError(
                f"cannot migrate database {_redact(self.url)}: {_first_line(exc)}"
            ) from None
        log.info("database %s at revision %s", _redact(self.url), self.current())

    def ensure_ready(self) -> bool:
        """Make sure the schema is current. SQLite is migrated on the spot; a server database
        must be migrated explicitly with `monitor db upgrade`. Returns True if it migrated."""
        current = self.current()
        if current == self.head():
            return False
        if self.is_sqlite:
            log.info("migrating database %s from %s", _redact(self.url), current or "empty")
            self.upgrade()
            return True
        state = "is empty" if current is None else f"is at revision {current}"
        raise DatabaseError(
            f"database {_redact(self.url)} {state}, not {self.head()}: run `monitor db upgrade`"
        )

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
