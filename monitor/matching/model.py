"""The matcher's inputs and outputs: what it is given about entities, and the hits it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EntityRecord:
    """What the matcher needs to know of a listed entity. Built by the caller from storage."""

    entity_id: int
    source: str
    source_id: str
    schema: str
    name: str
    names: tuple[tuple[str, str], ...]  # (name, kind) with kind in primary|aka|fka|nka|weak
    prominence: int = 0  # how many other listed entities link to this one
    leader: bool = False  # a head of state or government, a foreign or defence minister (`vocab.leader_title`)
    identifiers: tuple[tuple[str, str], ...] = ()  # ("IMO", "9187655"), ("XBT", "12QtD5..."): see `identifiers`


@dataclass
class Mention:
    """One place in a text where a listed entity is named, with the reasons for its score."""

    entity: EntityRecord
    start: int
    end: int
    text: str
    matched_name: str
    score: float
    kind: str  # full | partial | identifier
    features: dict[str, Any] = field(default_factory=dict)

    def as_dict(self, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "entity_id": self.entity.entity_id,
            "source": self.entity.source,
            "source_id": self.entity.source_id,
            "name": self.entity.name,
            "matched_name": self.matched_name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "schema": self.entity.schema,
        }
        if explain:
            data["features"] = self.features
        return data


@dataclass
class PairScore:
    """The score of one name pair and the features that made it."""

    score: float
    match: bool
    features: dict[str, Any]
