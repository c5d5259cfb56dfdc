"""UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml).

INDIVIDUALS/INDIVIDUAL: FIRST_NAME .. FOURTH_NAME (given names first, family name last as
the UN writes them), INDIVIDUAL_ALIAS (QUALITY Good/Low -> aka/weak), NATIONALITY, dates of
birth, UN_LIST_TYPE (the regime), REFERENCE_NUMBER. ENTITIES/ENTITY: FIRST_NAME is the
name, ENTITY_ALIAS likewise. Parsed with defusedxml: entity expansion is refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from xml.etree.ElementTree import Element

from monitor.exc import WatchlistParseError
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList
from monitor.watchlists.safexml import read_xml

FORMAT = "un"


def _text(el: Element | None, tag: str) -> str:
    child = el.find(tag) if el is not None else None
    return " ".join((child.text or "").split()) if child is not None else ""


def _values(el: Element, tag: str) -> list[str]:
    return [" ".join((v.text or "").split()) for c in el.findall(tag) for v in c.findall("VALUE") if (v.text or "").strip()]


def _aliases(el: Element, tag: str) -> list[ListedName]:
    out = []
    for alias in el.findall(tag):
        name = _text(alias, "ALIAS_NAME")
        if name:
            quality = _text(alias, "QUALITY").lower()
            out.append(ListedName(name, "weak" if quality in ("low", "a.k.a. low") else "aka"))
    return out


def parse(path: Path) -> ParsedList:
    file, data, root = read_xml(path, "UN")
    if root.tag != "CONSOLIDATED_LIST":
        raise WatchlistParseError(str(file), f"<{root.tag}>", "not a UN consolidated list (root must be CONSOLIDATED_LIST)")
    entities: dict[str, ListedEntity] = {}
    for kind, tag in (("Person", "INDIVIDUALS/INDIVIDUAL"), ("Organization", "ENTITIES/ENTITY")):
        for n, el in enumerate(root.findall(tag), 1):
            where = f"<{tag.split('/')[1]}> #{n}"
            data_id = _text(el, "DATAID")
            if not data_id:
                raise WatchlistParseError(str(file), where, "no DATAID")
            if data_id in entities:
                raise WatchlistParseError(str(file), where, f"duplicate DATAID {data_id}")
            parts = [_text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            parts = [p for p in parts if p]
            if not parts:
                raise WatchlistParseError(str(file), f"{where} (DATAID {data_id})", "empty name")
            if kind == "Person" and len(parts) > 1:
                name = f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) == 2 else " ".join(parts)
            else:
                name = " ".join(parts)
            aliases = _aliases(el, "INDIVIDUAL_ALIAS" if kind == "Person" else "ENTITY_ALIAS")
            original = _text(el, "NAME_ORIGINAL_SCRIPT")
            if original:
                aliases.append(ListedName(original, "aka"))
            births = [
                _text(d, "DATE") or _text(d, "YEAR")
                for d in el.findall("INDIVIDUAL_DATE_OF_BIRTH") if _text(d, "DATE") or _text(d, "YEAR")
            ]
            countries = sorted(set(_values(el, "NATIONALITY")) | {
                _text(a, "COUNTRY") for a in el.findall(f"{'INDIVIDUAL' if kind == 'Person' else 'ENTITY'}_ADDRESS")
                if _text(a, "COUNTRY")
            })
            entities[data_id] = ListedEntity(
                source_id=data_id, schema=kind, name=name, aliases=aliases,
                programs=[p for p in [_text(el, "UN_LIST_TYPE")] if p], countries=countries,
                birth_dates=births, remarks=_text(el, "COMMENTS1"),
                properties={"reference_number": _text(el, "REFERENCE_NUMBER"), "listed_on": _text(el, "LISTED_ON")},
            )
    if not entities:
        raise WatchlistParseError(str(file), "document", "no INDIVIDUAL or ENTITY elements")
    return ParsedList(list(entities.values()), hashlib.sha256(data).hexdigest(), str(file),
                      notes={"date_generated": root.get("dateGenerated")})
