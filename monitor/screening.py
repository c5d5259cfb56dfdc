"""The bridge between storage and the matcher: build the index from the listed entities."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import Entity, EntityName
from monitor.matching import EntityRecord, MatchIndex

log = logging.getLogger(__name__)


def load_records(session: Session, entity_ids: list[int] | None = None,
                 include_delisted: bool = False) -> list[EntityRecord]:
    """Entities in force (or the given ones) as the matcher sees them."""
    query = select(Entity.id, Entity.source, Entity.source_id, Entity.schema, Entity.name,
                   Entity.properties, Entity.delisted_version_id)
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
        )
        for r in rows
    ]


def build_index(session: Session, entity_ids: list[int] | None = None) -> MatchIndex:
    records = load_records(session, entity_ids)
    index = MatchIndex(records)
    log.info("match index: %d entities, %d names, %d keys, built in %.2fs",
             len(index), len(index.names), len(index.postings), index.build_seconds)
    return index
