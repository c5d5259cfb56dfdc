"""Storage on SQLite and PostgreSQL: migrations agree with the models, recording is idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from monitor.db import Article, Base, Database, Entity, Feed, Hit
from monitor.exc import DatabaseError


def test_migrations_match_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert db.current() == db.head()


def _article(session, feed_id: int, key: str = "guid:1") -> Article:  # type: ignore[no-untyped-def]
    article = Article(feed_id=feed_id, key=key, title="t", text="t", content_hash="h")
    session.add(article)
    session.flush()
    return article


def test_article_stored_once_per_feed(db: Database) -> None:
    with db.session() as session:
        feed = Feed(url="file:///x.xml")
        session.add(feed)
        session.flush()
        _article(session, feed.id)
        feed_id = feed.id
    with pytest.raises(IntegrityError), db.session() as session:
        _article(session, feed_id)


def test_hit_stored_once_per_span(db: Database) -> None:
    with db.session() as session:
        feed = Feed(url="file:///y.xml")
        session.add(feed)
        session.flush()
        article = _article(session, feed.id)
        entity = Entity(source="s", source_id="1", schema="Person", name="X", fingerprint="f")
        session.add(entity)
        session.flush()
        session.add(Hit(article_id=article.id, entity_id=entity.id, start=0, end=1, text="t",
                        matched_name="X", score=1.0))
        ids = (article.id, entity.id)
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Hit(article_id=ids[0], entity_id=ids[1], start=0, end=1, text="t",
                        matched_name="X", score=0.9))


def test_unreachable_database_is_one_clear_error() -> None:
    db = Database("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    with pytest.raises(DatabaseError, match="cannot connect"):
        db.current()


def test_server_database_must_be_migrated_explicitly(pg_schema_url) -> None:  # type: ignore[no-untyped-def]
    db = Database(pg_schema_url())
    with pytest.raises(DatabaseError, match="monitor db upgrade"):
        db.ensure_ready()
    db.upgrade()
    assert db.ensure_ready() is False


def test_index_cache_is_reused_and_rebuilt_when_a_list_changes(tmp_path: Path) -> None:
    from monitor.screening import build_index
    from monitor.watchlists import import_path

    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    db.upgrade()
    v1 = tmp_path / "v1.yaml"
    v1.write_text("- {id: A, name: Example Shipping Holdings Ltd}\n")
    import_path(db, "team", v1, "custom")
    cache = tmp_path / "cache"
    with db.session() as session:
        first = build_index(session, cache_dir=cache)
    (path,) = cache.glob("index-*.pickle")
    with db.session() as session:
        again = build_index(session, cache_dir=cache)
    assert again is not first and [n.text for n in again.names] == [n.text for n in first.names]
    path.write_bytes(b"not a pickle")  # a damaged cache is rebuilt, not fatal
    with db.session() as session:
        assert len(build_index(session, cache_dir=cache)) == 1
    v2 = tmp_path / "v2.yaml"
    v2.write_text("- {id: A, name: Example Shipping Holdings Ltd}\n- {id: B, name: Blue Ocean Trading FZE}\n")
    import_path(db, "team", v2, "custom")
    with db.session() as session:
        fresh = build_index(session, cache_dir=cache)
    assert len(fresh) == 2
    (new_path,) = cache.glob("index-*.pickle")
    assert new_path != path
