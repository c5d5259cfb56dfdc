"""A team's own list, as YAML or CSV (see README, "Your own list").

YAML: a list of entries, or `{entities: [...]}`; each entry has `name` and optionally `id`,
`schema` (Person, Organization, Vessel, Aircraft; default Organization), `aliases`,
`weak_aliases`, `programs`, `countries`, `notes`.
CSV (UTF-8, header row): id,name,schema,aliases,programs,countries,notes, lists split on `;`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

import yaml

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import SCHEMAS, ListedEntity, ListedName, ParsedList

FORMAT = "custom"
_SCHEMA_ALIASES = {"company": "Organization", "organisation": "Organization", "entity": "Organization",
                   "individual": "Person", "airplane": "Aircraft"}


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    raise ValueError(f"expected a list or a ;-separated string, not {type(value).__name__}")


def _entity(item: Any, where: str, file: Path) -> ListedEntity:
    if not isinstance(item, dict):
        raise WatchlistParseError(str(file), where, "an entry must be a mapping with a name")
    unknown = set(item) - {"id", "name", "schema", "aliases", "weak_aliases", "programs", "countries", "notes"}
    if unknown:
        raise WatchlistParseError(str(file), where, f"unknown field {sorted(unknown)[0]!r}")
    name = str(item.get("name") or "").strip()
    if not name:
        raise WatchlistParseError(str(file), where, "empty name")
    raw_schema = str(item.get("schema") or "Organization").strip()
    schema = _SCHEMA_ALIASES.get(raw_schema.lower(), raw_schema.capitalize() if raw_schema.islower() else raw_schema)
    if schema not in SCHEMAS:
        raise WatchlistParseError(str(file), where, f"unknown schema {raw_schema!r} (use {', '.join(SCHEMAS)})")
    try:
        aliases = [ListedName(a, "aka") for a in _list(item.get("aliases"))]
        aliases += [ListedName(a, "weak") for a in _list(item.get("weak_aliases"))]
        programs, countries = _list(item.get("programs")), _list(item.get("countries"))
    except ValueError as exc:
        raise WatchlistParseError(str(file), where, str(exc)) from None
    source_id = str(item.get("id") or "").strip() or hashlib.sha256(f"{schema}:{name}".encode()).hexdigest()[:12]
    return ListedEntity(source_id=source_id, schema=schema, name=name, aliases=aliases, programs=programs,
                        countries=countries, remarks=str(item.get("notes") or ""))


def parse(path: Path) -> ParsedList:
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".csv")) if path.is_dir() else [path]
    if not files:
        raise WatchlistParseError(str(path), "directory", "no .yaml, .yml or .csv files")
    digest = hashlib.sha256()
    entities: dict[str, ListedEntity] = {}
    for file in files:
        data = file.read_bytes()
        digest.update(file.name.encode() + b"\0" + data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise WatchlistParseError(str(file), f"byte {exc.start}", "not UTF-8") from None
        if file.suffix.lower() == ".csv":
            reader = csv.DictReader(io.StringIO(text))
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise WatchlistParseError(str(file), "line 1", "the header must name a 'name' column")
            items = [(f"line {reader.line_num}", row) for row in reader]
            for where, row in items:
                if None in row:
                    raise WatchlistParseError(str(file), where, "more fields than the header names")
        else:
            try:
                loaded = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise WatchlistParseError(str(file), "document", f"malformed YAML: {exc}") from None
            if isinstance(loaded, dict):
                loaded = loaded.get("entities")
            if not isinstance(loaded, list):
                raise WatchlistParseError(str(file), "document", "expected a list of entries (or entities: [...])")
            items = [(f"entry {i}", item) for i, item in enumerate(loaded, 1)]
        for where, item in items:
            entity = _entity(item, where, file)
            if entity.source_id in entities:
                raise WatchlistParseError(str(file), where, f"duplicate id {entity.source_id}")
            entities[entity.source_id] = entity
    if not entities:
        raise WatchlistParseError(str(path), "document", "no entries")
    return ParsedList(list(entities.values()), digest.hexdigest(), str(path))
