"""EU Financial Sanctions Files (FSF) consolidated list, XML (namespace
http://eu.europa.ec/fpi/fsd/export): `export/sanctionEntity` elements with `subjectType
code="person|enterprise"`, `nameAlias` (wholeName, or firstName/middleName/lastName;
`strong="false"` marks a weak alias), `regulation programme`, `citizenship`, `birthdate`,
`remark`. Parsed with defusedxml: entity expansion is refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from xml.etree.ElementTree import Element

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList
from monitor.watchlists.safexml import read_xml

FORMAT = "eu"
_SCHEMAS = {"person": "Person", "enterprise": "Organization", "vessel": "Vessel", "aircraft": "Aircraft"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: Element, name: str) -> list[Element]:
    return [c for c in el if _local(c.tag) == name]


def _alias_name(alias: Element, person: bool) -> str:
    whole = " ".join((alias.get("wholeName") or "").split())
    if whole:
        last = (alias.get("lastName") or "").strip()
        first = " ".join(p for p in (alias.get("firstName"), alias.get("middleName")) if p and p.strip())
        if person and last and first and whole.casefold() == f"{first} {last}".casefold():
            return f"{last}, {first}"  # say which part is the surname
        return whole
    parts = [alias.get(k) or "" for k in ("firstName", "middleName", "lastName")]
    return " ".join(p.strip() for p in parts if p.strip())


def parse(path: Path) -> ParsedList:
    file, data, root = read_xml(path, "EU")
    if _local(root.tag) != "export":
        raise WatchlistParseError(str(file), f"<{_local(root.tag)}>", "not an EU FSF export (root must be <export>)")
    entities: dict[str, ListedEntity] = {}
    for n, el in enumerate(_children(root, "sanctionEntity"), 1):
        where = f"<sanctionEntity> #{n}"
        logical_id = el.get("logicalId") or ""
        if not logical_id:
            raise WatchlistParseError(str(file), where, "no logicalId")
        if logical_id in entities:
            raise WatchlistParseError(str(file), where, f"duplicate logicalId {logical_id}")
        subject = next(iter(_children(el, "subjectType")), None)
        code = (subject.get("code") if subject is not None else "") or ""
        schema = _SCHEMAS.get(code.lower())
        if schema is None:
            raise WatchlistParseError(str(file), f"{where} (logicalId {logical_id})", f"unknown subjectType {code!r}")
        names: list[ListedName] = []
        for alias in _children(el, "nameAlias"):
            name = _alias_name(alias, schema == "Person")
            if name:
                weak = (alias.get("strong") or "true").lower() == "false"
                names.append(ListedName(name, "weak" if weak else "aka"))
        strong = [nm for nm in names if nm.kind == "aka"]
        if not strong and not names:
            raise WatchlistParseError(str(file), f"{where} (logicalId {logical_id})", "empty name")
        primary = (strong or names)[0].name
        programs = sorted({r.get("programme") for r in _children(el, "regulation") if r.get("programme")})
        countries = sorted({c.get("countryDescription") or c.get("countryIso2Code") or "" for c in _children(el, "citizenship")} - {""})
        births = sorted({b.get("birthdate") or b.get("year") or "" for b in _children(el, "birthdate")} - {""})
        remarks = " ".join((r.text or "").strip() for r in _children(el, "remark"))
        entities[logical_id] = ListedEntity(
            source_id=logical_id, schema=schema, name=primary,
            aliases=[nm for nm in names if nm.name != primary], programs=programs, countries=countries,
            birth_dates=births, remarks=remarks,
            properties={"eu_reference": el.get("euReferenceNumber") or "", "un_id": el.get("unitedNationId") or ""},
        )
    if not entities:
        raise WatchlistParseError(str(file), "document", "no sanctionEntity elements")
    return ParsedList(list(entities.values()), hashlib.sha256(data).hexdigest(), str(file),
                      notes={"generation_date": root.get("generationDate")})
