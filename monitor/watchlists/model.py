"""What an importer produces: listed entities with their names, independent of storage."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMAS = ("Person", "Organization", "Vessel", "Aircraft")
NAME_KINDS = ("primary", "aka", "fka", "nka", "weak")


@dataclass
class ListedName:
    name: str
    kind: str = "aka"


@dataclass
class ListedEntity:
    """An entity as a list states it; `source_id` is the list's own id (e.g. OFAC ent_num)."""

    source_id: str
    schema: str
    name: str
    aliases: list[ListedName] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    remarks: str = ""
    properties: dict[str, Any] = field(default_factory=dict)

    def all_names(self) -> list[ListedName]:
        seen: set[str] = set()
        result = []
        for item in [ListedName(self.name, "primary"), *self.aliases]:
            key = item.name.strip().casefold()
            if key and key not in seen:
                seen.add(key)
                result.append(ListedName(item.name.strip(), item.kind))
        return result

    def fingerprint(self) -> str:
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class ParsedList:
    """The whole content of one list file set, parsed before anything is written."""

    entities: list[ListedEntity]
    sha256: str
    origin: str
    skipped: int = 0
    notes: dict[str, Any] = field(default_factory=dict)
