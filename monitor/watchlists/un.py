"""UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml).

INDIVIDUALS/INDIVIDUAL: FIRST_NAME .. FOURTH_NAME (given names first, family name last as
the UN writes them; on the DPRK regime's entries the family name comes first, as Korean names
are written: FIRST_NAME JO, SECOND_NAME YONG CHOL is "JO, YONG CHOL"), INDIVIDUAL_ALIAS
(QUALITY Good/Low -> aka/weak), NATIONALITY, dates of birth, UN_LIST_TYPE (the regime),
REFERENCE_NUMBER. ENTITIES/ENTITY: FIRST_NAME is the name, ENTITY_ALIAS likewise. Parsed
with defusedxml: entity expansion is refused.
"""

from __future__ import annotations

import hashlib
import re
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


_ENUMERATION = re.compile(r"(?:^|\s)[a-z]\)\s")  # "a) ... b) ...": one name each
_SCRIPT_NOTE = re.compile(r"\s*\((?:original script|in original script)\)$", re.IGNORECASE)


def _last_brackets(text: str) -> tuple[str, str]:
    """What comes before the bracketed part that ends `text`, and what that part holds."""
    if not text.endswith(")"):
        return text, ""
    depth = 0
    for k in range(len(text) - 1, -1, -1):
        depth += (text[k] == ")") - (text[k] == "(")
        if depth == 0:
            return text[:k], text[k + 1 : -1]
    return text, ""


def split_names(field: str) -> list[str]:
    """One alias field may hold several names: 'Qasim Soleimani; Qasem Sulaimani', 'a) X b) Y',
    'حسن غول (Hassan Ghul; Hassan Gul)'. Each name once, in the list's order; a field of one
    name (brackets and all: 'MAHAN AIR (IRAN)') is kept whole."""
    names: list[str] = []
    for part in _ENUMERATION.split(field):
        outer, inner = _last_brackets(part.strip())
        if ";" in inner:
            names.append(outer)
            part = inner
        depth, start = 0, 0
        for k, ch in enumerate(part + ";"):
            depth += (ch == "(") - (ch == ")")
            if ch == ";" and depth <= 0:
                names.append(part[start:k])
                start = k + 1
    cleaned = (_SCRIPT_NOTE.sub("", " ".join(n.split())) for n in names)
    return list(dict.fromkeys(n for n in cleaned if n))


def _aliases(el: Element, tag: str) -> list[ListedName]:
    out = []
    for alias in el.findall(tag):
        quality = _text(alias, "QUALITY").lower()
        for name in split_names(_text(alias, "ALIAS_NAME")):
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
            parts = [p for p in parts if p and p.lower() not in ("na", "n/a")]  # "not available" (FOURTH_NAME na)
            if not parts:
                raise WatchlistParseError(str(file), f"{where} (DATAID {data_id})", "empty name")
            regime = _text(el, "UN_LIST_TYPE")
            if kind == "Person" and len(parts) > 1 and regime == "DPRK":
                name = f"{parts[0]}, {' '.join(parts[1:])}"  # the family name first, as Koreans write it
            elif kind == "Person" and len(parts) > 1:
                name = f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) == 2 else " ".join(parts)
            else:
                name = " ".join(parts)
            aliases = _aliases(el, "INDIVIDUAL_ALIAS" if kind == "Person" else "ENTITY_ALIAS")
            original = _text(el, "NAME_ORIGINAL_SCRIPT")
            aliases += [ListedName(n, "aka") for n in split_names(original)]
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
                programs=[regime] if regime else [], countries=countries,
                birth_dates=births, remarks=_text(el, "COMMENTS1"),
                properties={"reference_number": _text(el, "REFERENCE_NUMBER"), "listed_on": _text(el, "LISTED_ON")},
            )
    if not entities:
        raise WatchlistParseError(str(file), "document", "no INDIVIDUAL or ENTITY elements")
    return ParsedList(list(entities.values()), hashlib.sha256(data).hexdigest(), str(file),
                      notes={"date_generated": root.get("dateGenerated")})
