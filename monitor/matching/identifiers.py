"""Identifiers a text may give for a listed entity: the IMO number of a ship or of a ship's
owner or manager ("IMO 9256622", "IMO No. 5342883"), as the lists give it.

Found only as the list writes it: a number the list does not hold names nobody. (The check
digit of a ship's number is not asked: the lists hold older Lloyd's Register numbers and
company numbers that fail it.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "IMO 9256622", "IMO: 9256622", "IMO No. 9256622", "IMO number 9256622", "IMO#9256622", "IMO9256622"
_IMO_IN_TEXT = re.compile(r"\bIMO(?:\s*(?:[Nn]o\.?|[Nn]umber|#|:))?\s*(\d{7})\b")


def imo_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """The IMO numbers a text gives, each with its span (the prefix included)."""
    for m in _IMO_IN_TEXT.finditer(text):
        yield m.start(), m.end(), m.group(1)
