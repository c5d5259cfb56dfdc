"""UK OFSI consolidated list, CSV ("ConList.csv"): one row per name, rows of one entity share a
Group ID. Encoding cp1252 (Windows); an optional first line "Last Updated,DD/MM/YYYY".

Columns used: Name 6 (surname or entity name), Name 1..5 (given names), Title, DOB,
Nationality, Country, Other Information, Group Type (Individual, Entity, Ship), Alias Type
("Primary name"/"Prime Alias" for the primary, "AKA"/"Primary name variation" otherwise),
Alias Quality (when present: "Low quality" aliases are weak), Regime, Group ID.
Copies seen in the wild with a leading empty column name in the header and none in the rows
are read too (the header is shifted back).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import defaultdict
from pathlib import Path

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList

FORMAT = "uk"
_SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_PRIMARY = {"primary name", "prime alias"}
_REQUIRED = ("Name 6", "Group Type", "Group ID")


def _name(row: dict[str, str], person: bool) -> str:
    surname = (row.get("Name 6") or "").strip()
    given = " ".join(p for p in ((row.get(f"Name {i}") or "").strip() for i in range(1, 6)) if p)
    if person and surname and given:
        return f"{surname}, {given}"
    return " ".join(p for p in (given, surname) if p)


def parse(path: Path) -> ParsedList:
    file = path if path.is_file() else next(iter(sorted(path.glob("*.csv"))), None)
    if file is None:
        raise WatchlistParseError(str(path), "directory", "no .csv file for the UK list")
    data = file.read_bytes()
    try:
        text = data[3:].decode("utf-8") if data.startswith(b"\xef\xbb\xbf") else data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise WatchlistParseError(str(file), f"byte {exc.start}", "not cp1252 (nor UTF-8 with a BOM) text") from None
    lines = text.splitlines()
    first = 1 if lines and lines[0].lower().startswith("last updated") else 0
    rows = list(csv.reader(io.StringIO("\n".join(lines[first:]))))
    if not rows:
        raise WatchlistParseError(str(file), "line 1", "empty file")
    header = [h.strip() for h in rows[0]]
    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    if header and header[0] == "" and body and all(len(r) == len(header) - 1 for r in body):
        header = header[1:]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise WatchlistParseError(str(file), f"line {first + 1}", f"not a UK ConList header (no {missing[0]!r} column)")
    groups: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for n, raw in enumerate(body, first + 2):
        if len(raw) != len(header):
            raise WatchlistParseError(str(file), f"line {n}", f"{len(raw)} fields where the header has {len(header)}")
        row = {h: v.strip() for h, v in zip(header, raw, strict=True)}
        if not row["Group ID"]:
            raise WatchlistParseError(str(file), f"line {n}", "no Group ID")
        groups[row["Group ID"]].append((n, row))
    entities = []
    for group_id, members in groups.items():
        line, head = members[0]
        schema = _SCHEMAS.get(head["Group Type"].lower())
        if schema is None:
            raise WatchlistParseError(str(file), f"line {line}", f"unknown Group Type {head['Group Type']!r}")
        primary_rows = [r for _n, r in members if r.get("Alias Type", "").lower() in _PRIMARY] or [head]
        primary = _name(primary_rows[0], schema == "Person")
        if not primary:
            raise WatchlistParseError(str(file), f"line {line}", f"empty name (Group ID {group_id})")
        aliases = []
        for _n, r in members:
            name = _name(r, schema == "Person")
            if name and name != primary:
                weak = "low" in r.get("Alias Quality", "").lower()
                aliases.append(ListedName(name, "weak" if weak else "aka"))
        countries = sorted({v for _n, r in members for v in (r.get("Nationality", ""), r.get("Country", "")) if v})
        entities.append(ListedEntity(
            source_id=group_id, schema=schema, name=primary, aliases=aliases,
            programs=sorted({r["Regime"] for _n, r in members if r.get("Regime")}),
            countries=countries, birth_dates=sorted({r["DOB"] for _n, r in members if r.get("DOB")}),
            remarks=head.get("Other Information", ""),
            properties={"listed_on": head.get("Listed On", ""), "title": head.get("Title", "")},
        ))
    if not entities:
        raise WatchlistParseError(str(file), "document", "no rows")
    return ParsedList(entities, hashlib.sha256(data).hexdigest(), str(file))
