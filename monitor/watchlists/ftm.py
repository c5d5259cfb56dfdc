"""OpenSanctions / FollowTheMoney entity JSON lines: one `{"id", "schema", "properties"}` per line.

Only the schemata a news screen cares about are kept (people, organisations, companies,
vessels, aircraft); addresses, sanctions and other linked records are skipped and counted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList

FORMAT = "ftm"
SCHEMA_MAP = {"Person": "Person", "Organization": "Organization", "Company": "Organization",
              "LegalEntity": "Organization", "PublicBody": "Organization", "Vessel": "Vessel",
              "Airplane": "Aircraft"}


def parse(path: Path) -> ParsedList:
    files = sorted(path.glob("*.json")) + sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise WatchlistParseError(str(path), "directory", "no .json/.jsonl files")
    digest = hashlib.sha256()
    entities: dict[str, ListedEntity] = {}
    skipped = 0
    for file in files:
        with file.open("rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                digest.update(raw)
                if not raw.strip():
                    continue
                try:
                    item = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    raise WatchlistParseError(str(file), f"line {lineno}", f"not JSON: {exc}") from None
                if not isinstance(item, dict) or "id" not in item or "schema" not in item:
                    raise WatchlistParseError(str(file), f"line {lineno}", "not an entity (needs id and schema)")
                schema = SCHEMA_MAP.get(item["schema"])
                if schema is None:
                    skipped += 1
                    continue
                props = item.get("properties") or {}
                names = [n for n in props.get("name", []) if n and n.strip()]
                if not names:
                    raise WatchlistParseError(str(file), f"line {lineno}", f"entity {item['id']} has no name")
                if item["id"] in entities:
                    raise WatchlistParseError(str(file), f"line {lineno}", f"duplicate id {item['id']}")
                primary = item.get("caption") if item.get("caption") in names else names[0]
                aliases = [ListedName(n, "aka") for n in names if n != primary]
                aliases += [ListedName(n, "aka") for n in props.get("alias", [])]
                aliases += [ListedName(n, "fka") for n in props.get("previousName", [])]
                aliases += [ListedName(n, "weak") for n in props.get("weakAlias", [])]
                entities[item["id"]] = ListedEntity(
                    source_id=item["id"], schema=schema, name=primary, aliases=aliases,
                    programs=sorted(set(props.get("program", []) + props.get("topics", []))),
                    countries=sorted(set(props.get("country", []) + props.get("nationality", []))),
                    birth_dates=props.get("birthDate", []), remarks=" ".join(props.get("notes", [])),
                    # (a position as the title of an OFAC listing: a leader's office is used in matching)
                    properties={"datasets": item.get("datasets", []), "title": "; ".join(props.get("position", [])),
                                "imo": props.get("imoNumber", [])},
                )
    if not entities:
        raise WatchlistParseError(str(path), "document", "no person, organisation, vessel or aircraft")
    return ParsedList(list(entities.values()), digest.hexdigest(), str(path), skipped=skipped)
