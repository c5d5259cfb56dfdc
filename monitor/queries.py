"""Read-side queries shared by the CLI (and later the web desk)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import Entity, WatchlistSource, WatchlistVersion
from monitor.exc import NotFoundError


def list_sources(session: Session) -> list[dict[str, Any]]:
    rows = []
    for source in session.scalars(select(WatchlistSource).order_by(WatchlistSource.name)):
        version = session.get(WatchlistVersion, source.current_version_id) if source.current_version_id else None
        rows.append({
            "source": source.name,
            "format": source.format,
            "version": version.number if version else None,
            "imported_at": version.imported_at.isoformat() if version else None,
            "entities": version.entities if version else 0,
            "sha256": version.sha256 if version else None,
        })
    return rows


def find_entity(session: Session, ref: str) -> Entity:
    """An entity by `entity_id` or `SOURCE:SOURCE_ID`."""
    entity = None
    if ref.isdigit():
        entity = session.get(Entity, int(ref))
    elif ":" in ref:
        source, _, source_id = ref.partition(":")
        entity = session.scalar(select(Entity).where(Entity.source == source, Entity.source_id == source_id))
    if entity is None:
        raise NotFoundError(f"no entity {ref!r} (use an entity_id or SOURCE:SOURCE_ID)")
    return entity


def show_entity(session: Session, ref: str) -> dict[str, Any]:
    entity = find_entity(session, ref)
    return {
        "entity_id": entity.id,
        "source": entity.source,
        "source_id": entity.source_id,
        "schema": entity.schema,
        "name": entity.name,
        "names": [{"name": n.name, "kind": n.kind} for n in entity.names],
        "programs": entity.programs,
        "countries": entity.countries,
        "birth_dates": entity.birth_dates,
        "remarks": entity.remarks,
        "properties": entity.properties,
        "listed": entity.listed,
        "first_version_id": entity.first_version_id,
        "changed_version_id": entity.changed_version_id,
        "delisted_version_id": entity.delisted_version_id,
    }
