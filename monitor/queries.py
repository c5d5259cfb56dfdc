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


def diff_versions(session: Session, source: str, from_version: int | None = None,
                  to_version: int | None = None) -> dict[str, Any]:
    """What changed in `source` after version `from` up to version `to` (default: the last
    import), entity by entity; an entity changed twice shows its latest change."""
    from monitor.db import EntityChange

    src = session.scalar(select(WatchlistSource).where(WatchlistSource.name == source))
    if src is None:
        raise NotFoundError(f"no watchlist source {source!r} (see `monitor watchlist list`)")
    numbers = list(session.scalars(select(WatchlistVersion.number).where(WatchlistVersion.source_id == src.id)
                                   .order_by(WatchlistVersion.number)))
    if not numbers:
        raise NotFoundError(f"source {source!r} has no version yet")
    to_version = to_version or numbers[-1]
    from_version = from_version if from_version is not None else max(0, to_version - 1)
    if to_version not in numbers or (from_version and from_version not in numbers) or from_version >= to_version:
        raise NotFoundError(f"versions of {source!r} are {numbers[0]}..{numbers[-1]}; need from < to")
    rows = session.execute(
        select(EntityChange.change, EntityChange.new_names, WatchlistVersion.number, Entity)
        .join(WatchlistVersion, WatchlistVersion.id == EntityChange.version_id)
        .join(Entity, Entity.id == EntityChange.entity_id)
        .where(WatchlistVersion.source_id == src.id, WatchlistVersion.number > from_version,
               WatchlistVersion.number <= to_version)
        .order_by(WatchlistVersion.number)
    )
    latest: dict[int, dict[str, Any]] = {}
    for change, new_names, number, entity in rows:
        latest[entity.id] = {"entity_id": entity.id, "source_id": entity.source_id, "name": entity.name,
                             "schema": entity.schema, "version": number, "new_names": new_names,
                             "change": change}
    out: dict[str, Any] = {"source": source, "from": from_version, "to": to_version,
                           "added": [], "changed": [], "removed": []}
    for item in latest.values():
        out[item.pop("change")].append(item)
    return out
