"""OFAC legacy CSV (SDN and consolidated non-SDN): sdn.csv + alt.csv + add.csv + sdn_comments.csv.

Quirks of the real files: no header row, `-0- ` as the null marker, programs joined as
`A] [B`, CRLF line endings, a trailing Ctrl-Z byte, remarks continued in the comments file,
"weak" (low-quality) a.k.a.s and f.k.a.s only inside the remarks, and alias rows whose ent_num has no
primary row (skipped and counted).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList

FORMAT = "ofac-sdn"
_TYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft", "": "Organization"}
_PRIMARY_FIELDS = 12
_LAYOUTS = {
    "sdn": ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"),
    "cons": ("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
}
# Weak names in the remarks: a.k.a.s, and the former names of ships mostly (f.k.a. 'ANA I')
_WEAK_AKA = re.compile(r"\b[afn]\.k\.a\.\s+'([^']+(?:'[A-Z][^']*)*)'")
_LINKED = re.compile(r"Linked To:\s*([^;]+?)\.?(?:;|$)")
_DOB = re.compile(r"(?:^|;\s*)(?:alt\. )?DOB ([^;]+)")
_NATIONALITY = re.compile(r"(?:^|;\s*)(?:alt\. )?(?:nationality|citizen) ([^;]+)")


def _null(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise WatchlistParseError(
                str(path), f"byte {exc.start}", "not UTF-8 nor Windows-1252 text"
            ) from None
    if "\x00" in text:
        raise WatchlistParseError(str(path), "content", "binary data (NUL bytes) in a CSV file")
    return text.rstrip("\x1a\r\n \t")


def _rows(path: Path, data: bytes, width: int) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(_decode(path, data), newline=""))
    try:
        for row in reader:
            if not row or row == ["\x1a"] or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != width:
                raise WatchlistParseError(
                    str(path), f"line {reader.line_num}", f"expected {width} fields, found {len(row)}"
                )
            yield reader.line_num, row
    except csv.Error as exc:
        raise WatchlistParseError(str(path), f"line {reader.line_num}", str(exc)) from None


def detect_layout(directory: Path) -> str:
    for layout, (primary, *_rest) in _LAYOUTS.items():
        if (directory / primary).is_file():
            return layout
    raise WatchlistParseError(
        str(directory), "directory", "holds neither sdn.csv nor cons_prim.csv (OFAC legacy CSV)"
    )


def parse(path: Path) -> ParsedList:
    """Parse an OFAC legacy CSV directory (or a lone sdn.csv) into entities."""
    directory = path if path.is_dir() else path.parent
    if path.is_dir():
        layout = detect_layout(directory)
        primary_name, alt_name, add_name, comments_name = _LAYOUTS[layout]
        primary = directory / primary_name
    else:
        primary = path
        layout = "cons" if path.name.startswith("cons_") else "sdn"
        _p, alt_name, add_name, comments_name = _LAYOUTS[layout]
    files = {"primary": primary, "alt": directory / alt_name, "add": directory / add_name,
             "comments": directory / comments_name}
    blobs = {key: p.read_bytes() for key, p in files.items() if p.is_file()}
    digest = hashlib.sha256()
    for key in ("primary", "alt", "add", "comments"):
        digest.update(key.encode() + b"\0" + blobs.get(key, b"") + b"\0")

    comments: dict[str, str] = {}
    if "comments" in blobs:
        for _line, row in _rows(files["comments"], blobs["comments"], 2):
            comments[row[0].strip()] = comments.get(row[0].strip(), "") + _null(row[1])

    entities: dict[str, ListedEntity] = {}
    for line, row in _rows(primary, blobs["primary"], _PRIMARY_FIELDS):
        ent_num = row[0].strip()
        if not ent_num.isdigit():
            raise WatchlistParseError(str(primary), f"line {line}", f"ent_num {ent_num!r} is not a number")
        if ent_num in entities:
            raise WatchlistParseError(str(primary), f"line {line}", f"duplicate ent_num {ent_num}")
        name = _null(row[1])
        if not name:
            raise WatchlistParseError(str(primary), f"line {line}", "empty name")
        sdn_type = _null(row[2]).lower()
        if sdn_type not in _TYPES:
            raise WatchlistParseError(str(primary), f"line {line}", f"unknown entity type {sdn_type!r}")
        remarks = _null(row[11]) + comments.get(ent_num, "")
        programs = [p.strip() for p in _null(row[3]).split("] [") if p.strip()]
        props = {
            key: value
            for key, value in (
                ("title", _null(row[4])), ("call_sign", _null(row[5])), ("vessel_type", _null(row[6])),
                ("tonnage", _null(row[7])), ("grt", _null(row[8])), ("vessel_flag", _null(row[9])),
                ("vessel_owner", _null(row[10])),
            )
            if value
        }
        linked = [m.strip() for m in _LINKED.findall(remarks)]
        if linked:
            props["linked_to"] = linked
        entity = ListedEntity(
            source_id=ent_num,
            schema=_TYPES[sdn_type],
            name=name,
            programs=programs,
            remarks=remarks,
            birth_dates=[m.strip() for m in _DOB.findall(remarks)],
            countries=sorted({m.strip().rstrip(".") for m in _NATIONALITY.findall(remarks)}),
            properties=props,
        )
        entity.aliases.extend(ListedName(m.strip(), "weak") for m in _WEAK_AKA.findall(remarks))
        entities[ent_num] = entity

    skipped = 0
    if "alt" in blobs:
        for line, row in _rows(files["alt"], blobs["alt"], 5):
            entity = entities.get(row[0].strip())
            if entity is None:
                skipped += 1
                continue
            alias = _null(row[3])
            kind = _null(row[2]).lower() or "aka"
            if not alias:
                raise WatchlistParseError(str(files["alt"]), f"line {line}", "empty alias name")
            if kind not in {"aka", "fka", "nka"}:
                raise WatchlistParseError(str(files["alt"]), f"line {line}", f"unknown alias type {kind!r}")
            entity.aliases.append(ListedName(alias, kind))

    skipped_addresses = 0
    if "add" in blobs:
        for _line, row in _rows(files["add"], blobs["add"], 6):
            entity = entities.get(row[0].strip())
            if entity is None:
                skipped_addresses += 1
                continue
            address = {
                k: v
                for k, v in (("street", _null(row[2])), ("city", _null(row[3])), ("country", _null(row[4])))
                if v
            }
            if address:
                entity.properties.setdefault("addresses", []).append(address)
            if address.get("country") and address["country"] not in entity.countries:
                entity.countries.append(address["country"])

    return ParsedList(
        entities=list(entities.values()),
        sha256=digest.hexdigest(),
        origin=str(path),
        skipped=skipped,
        notes={"skipped_addresses": skipped_addresses, "layout": layout},
    )


def official_url(source_id: str) -> str:
    """Link to the entity's page in OFAC's Sanctions List Search."""
    return f"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={source_id}"
