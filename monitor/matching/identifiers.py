"""Identifiers a text may give for a listed entity, beside its names: the IMO number of a ship
or of a ship's owner ("IMO 9187655"), and a digital currency address the list gives
("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "0x098B716B8Aaf21512996dC57EB0615e2383E2f96").

Found only as the list writes them: a number or an address the list does not hold names
nobody. (The check digit of a ship's number is not asked: the lists hold older Lloyd's
Register numbers and company numbers that fail it.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# "IMO 9187655", "IMO: 9187655", "IMO No. 9187655", "IMO number 9187655", "IMO#9187655", "IMO9187655"
_IMO = re.compile(r"\bIMO(?:\s*(?:[Nn]o\.?|[Nn]umber|#|:))?\s*(\d{7})\b")
# OFAC: "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
_LISTED_ADDRESS = re.compile(r"Digital Currency Address - ([A-Z0-9]{2,6}) ([0-9A-Za-z]{20,})")
_ADDRESS = re.compile(r"\b[0-9A-Za-z]{25,}\b")  # no word of prose is this long: few to look up


def key(scheme: str, value: str) -> str:
    """How an identifier is looked up: 'IMO 9187655'; an address as written, a hexadecimal
    one (Ethereum's 0x..., whose capitals are only a checksum) in lowercase."""
    if scheme == "IMO":
        return f"IMO {value}"
    return value.lower() if value[:2] in ("0x", "0X") else value


def listed(remarks: str, imo: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """The identifiers a list gives an entity: in its remarks, as OFAC and the UK write them
    ("Vessel Registration Identification IMO 7406784", "IMO: 8937675", "Digital Currency
    Address - XBT ..."), and IMO numbers given apart (OpenSanctions' imoNumber, "IMO9187655")."""
    found = [("IMO", m.group(1)) for m in _IMO.finditer(remarks)]
    found += [("IMO", m.group(1)) for value in imo for m in _IMO.finditer(f"IMO {value.removeprefix('IMO')}")]
    found += [(m.group(1), m.group(2)) for m in _LISTED_ADDRESS.finditer(remarks)]
    return tuple(dict.fromkeys(found))


def in_text(text: str) -> Iterator[tuple[int, int, str]]:
    """Where a text may give an identifier: each span with its look-up key (see `key`)."""
    if "IMO" in text:  # (most texts have none: a search for the word in C first)
        for m in _IMO.finditer(text):
            yield m.start(), m.end(), key("IMO", m.group(1))
    for m in _ADDRESS.finditer(text):
        yield m.start(), m.end(), key("", m.group())
