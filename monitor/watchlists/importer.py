"""Versioned, atomic imports: a parsed list becomes a new version with its diff, or nothing.

Parsing happens entirely before the database is touched, and the writes of one import run in
one transaction: a file that fails anywhere leaves the previous version in force.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from monitor.db import Entity, EntityChange, EntityName, WatchlistSource, WatchlistVersion
from monitor.watchlists.model import ListedEntity, ParsedList

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    source: str
    version: int
    added: int = 0
    changed: int = 0
    removed: int = 0
    skipped: int = 0
    entities: int = 0
    unchanged: bool = False
    duration_s: float = 0.0
    new_name_entity_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "version": self.version,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "skipped": self.skipped,
            "entities": self.entities,
            "unchanged": self.unchanged,
            "duration_s": round(self.duration_s, 3),
        }


def _entity_row(source: str, item: ListedEntity, fingerprint: str) -> dict[str, Any]:
    return {
        "source": source,
        "source_id": item.source_id,
        "schema": item.schema,
        "name": item.name,
        "programs": item.programs,
        "countries": item.countries,
        "birth_dates": item.birth_dates,
        "remarks": item.remarks,
        "properties": item.properties,
        "fingerprint": fingerprint,
    }


def _name_rows(entity_id: int, item: ListedEntity) -> list[dict[str, Any]]:
    return [
        {"entity_id": entity_id, "position": i, "name": n.name, "kind": n.kind}
        for i, n in enumerate(item.all_names())
    ]


def import_parsed(session: Session, source_name: str, fmt: str, parsed: ParsedList) -> ImportResult:
    """Write `parsed` as the next version of `source_name` inside the caller's transaction."""
    started = time.perf_counter()
    source = session.scalar(select(WatchlistSource).where(WatchlistSource.name == source_name))
    if source is None:
        source = WatchlistSource(name=source_name, format=fmt)
        session.add(source)
        session.flush()
    current = session.get(WatchlistVersion, source.current_version_id) if source.current_version_id else None
    if current is not None and current.sha256 == parsed.sha256:
        log.info("watchlist %s unchanged (version %d, sha256 %s)", source_name, current.number, parsed.sha256[:12])
        return ImportResult(source_name, current.number, entities=current.entities,
                            skipped=current.skipped, unchanged=True,
                            duration_s=time.perf_counter() - started)

    number = (current.number if current else 0) + 1
    version = WatchlistVersion(source_id=source.id, number=number, sha256=parsed.sha256,
                               origin=parsed.origin, skipped=parsed.skipped, notes=parsed.notes)
    session.add(version)
    session.flush()

    existing = {
        row.source_id: row
        for row in session.execute(
            select(Entity.id, Entity.source_id, Entity.fingerprint, Entity.delisted_version_id)
            .where(Entity.source == source_name)
        )
    }
    result = ImportResult(source_name, number, skipped=parsed.skipped, entities=len(parsed.entities))
    to_insert: list[tuple[ListedEntity, str]] = []
    to_update: list[tuple[int, ListedEntity, str, bool]] = []
    for item in parsed.entities:
        fingerprint = item.fingerprint()
        old = existing.get(item.source_id)
        if old is None:
            to_insert.append((item, fingerprint))
        elif old.fingerprint != fingerprint or old.delisted_version_id is not None:
            to_update.append((old.id, item, fingerprint, old.delisted_version_id is not None))
    seen = {item.source_id for item in parsed.entities}
    to_remove = [row.id for sid, row in existing.items()
                 if sid not in seen and row.delisted_version_id is None]

    changes: list[dict[str, Any]] = []
    if to_insert:
        rows = [{**_entity_row(source_name, item, fp), "first_version_id": version.id,
                 "changed_version_id": version.id} for item, fp in to_insert]
        ids = list(session.scalars(insert(Entity).returning(Entity.id, sort_by_parameter_order=True), rows))
        name_rows = [r for eid, (item, _fp) in zip(ids, to_insert, strict=True) for r in _name_rows(eid, item)]
        if name_rows:
            session.execute(insert(EntityName), name_rows)
        changes += [{"version_id": version.id, "entity_id": eid, "change": "added",
                     "new_names": [n.name for n in item.all_names()]}
                    for eid, (item, _fp) in zip(ids, to_insert, strict=True)]
        result.added = len(ids)
        result.new_name_entity_ids.extend(ids)

    for entity_id, item, fp, relisted in to_update:
        old_names = set(session.scalars(select(EntityName.name).where(EntityName.entity_id == entity_id)))
        session.execute(
            update(Entity).where(Entity.id == entity_id).values(
                **_entity_row(source_name, item, fp), changed_version_id=version.id, delisted_version_id=None
            )
        )
        session.execute(delete(EntityName).where(EntityName.entity_id == entity_id))
        session.execute(insert(EntityName), _name_rows(entity_id, item))
        new_names = [n.name for n in item.all_names() if n.name not in old_names]
        changes.append({"version_id": version.id, "entity_id": entity_id,
                        "change": "added" if relisted else "changed", "new_names": new_names})
        if relisted:
            result.added += 1
        else:
            result.changed += 1
        if new_names or relisted:
            result.new_name_entity_ids.append(entity_id)

    if to_remove:
        session.execute(update(Entity).where(Entity.id.in_(to_remove)).values(delisted_version_id=version.id))
        changes += [{"version_id": version.id, "entity_id": eid, "change": "removed", "new_names": []}
                    for eid in to_remove]
        result.removed = len(to_remove)

    if changes:
        session.execute(insert(EntityChange), changes)
    version.added, version.changed, version.removed = result.added, result.changed, result.removed
    version.entities = len(parsed.entities)
    source.current_version_id = version.id
    session.flush()
    result.duration_s = time.perf_counter() - started
    log.info(
        "watchlist %s version %d: %d entities, +%d ~%d -%d, %d skipped, %.2fs",
        source_name, number, result.entities, result.added, result.changed, result.removed,
        result.skipped, result.duration_s,
    )
    return result
