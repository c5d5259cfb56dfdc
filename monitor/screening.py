"""The bridge between storage and the matcher: build the index from the listed entities."""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import time
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import Entity, EntityName, WatchlistSource, WatchlistVersion
from monitor.matching import EntityRecord, MatchIndex, identifiers, vocab

log = logging.getLogger(__name__)


def load_records(session: Session, entity_ids: list[int] | None = None,
                 include_delisted: bool = False) -> list[EntityRecord]:
    """Entities in force (or the given ones) as the matcher sees them."""
    query = select(Entity.id, Entity.source, Entity.source_id, Entity.schema, Entity.name,
                   Entity.properties, Entity.remarks, Entity.delisted_version_id)
    names_query = select(EntityName.entity_id, EntityName.name, EntityName.kind).order_by(
        EntityName.entity_id, EntityName.position
    )
    if entity_ids is not None:
        query = query.where(Entity.id.in_(entity_ids))
        names_query = names_query.where(EntityName.entity_id.in_(entity_ids))
    names: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for entity_id, name, kind in session.execute(names_query):
        names[entity_id].append((name, kind))
    rows = [r for r in session.execute(query) if include_delisted or r.delisted_version_id is None]
    # Prominence: how many listed entities say they are "Linked To" this one (by name).
    links: Counter[tuple[str, str]] = Counter()
    for row in session.execute(select(Entity.source, Entity.properties)):
        for target in (row.properties or {}).get("linked_to", []):
            links[(row.source, target.strip().upper())] += 1
    return [
        EntityRecord(
            entity_id=r.id,
            source=r.source,
            source_id=r.source_id,
            schema=r.schema,
            name=r.name,
            names=tuple(names.get(r.id, [(r.name, "primary")])),
            prominence=links.get((r.source, r.name.strip().upper()), 0),
            leader=r.schema == "Person" and vocab.leader_title((r.properties or {}).get("title", "")),
            identifiers=identifiers.listed(r.remarks or "", (r.properties or {}).get("imo", [])),
        )
        for r in rows
    ]


def build_index(session: Session, entity_ids: list[int] | None = None,
                cache_dir: Path | None = None) -> MatchIndex:
    """The match index of the entities in force; with `cache_dir`, kept on disk between runs.

    The cache file is named by the list versions in force and the matcher's own code, so a
    new import or a new release builds a fresh one; a file that cannot be read is rebuilt.
    """
    key = _cache_key(session) if cache_dir is not None and entity_ids is None else None
    path = cache_dir / f"index-{key}.pickle" if key and cache_dir is not None else None
    if path is not None and path.is_file():
        started = time.perf_counter()
        try:
            with path.open("rb") as fh:
                index = pickle.load(fh)  # noqa: S301 (our own file, in the data directory)
            log.info("match index: %d entities loaded from cache in %.2fs", len(index),
                     time.perf_counter() - started)
            return index
        except Exception as exc:  # a truncated or stale file: rebuild
            log.warning("match index cache %s unreadable (%s): rebuilding", path, exc)
    records = load_records(session, entity_ids)
    index = MatchIndex(records)
    log.info("match index: %d entities, %d names, %d keys, built in %.2fs",
             len(index), len(index.names), len(index.postings), index.build_seconds)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("index-*.pickle"):
                old.unlink(missing_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError as exc:
            log.warning("match index not cached in %s: %s", path.parent, exc)
    return index


def _cache_key(session: Session) -> str:
    digest = hashlib.sha256()
    rows = session.execute(
        select(WatchlistSource.name, WatchlistVersion.number, WatchlistVersion.sha256)
        .join(WatchlistVersion, WatchlistVersion.id == WatchlistSource.current_version_id)
        .order_by(WatchlistSource.name)
    )
    for name, number, sha in rows:
        digest.update(f"{name}:{number}:{sha}\n".encode())
    digest.update(_code_digest().encode())
    return digest.hexdigest()[:24]


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """The matcher's source code: a changed matcher never reads an index built by another."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent / "matching"
    for file in sorted(package.glob("*.py")) + [Path(__file__).resolve()]:
        digest.update(file.read_bytes())
    return digest.hexdigest()
