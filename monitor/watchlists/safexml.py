"""Reading a list's XML file safely (defusedxml: no DTDs, no entity expansion)."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from monitor.exc import WatchlistParseError


def read_xml(path: Path, list_name: str) -> tuple[Path, bytes, Element]:
    """The XML file at `path` (or the first .xml in a folder), its bytes and its root element."""
    file = path if path.is_file() else next(iter(sorted(path.glob("*.xml"))), None)
    if file is None:
        raise WatchlistParseError(str(path), "directory", f"no .xml file for the {list_name} list")
    data = file.read_bytes()
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise WatchlistParseError(str(file), "document", f"unsafe XML refused ({type(exc).__name__})") from None
    except SafeET.ParseError as exc:
        raise WatchlistParseError(str(file), f"line {exc.position[0]}", f"malformed XML: {exc}") from None
    return file, data, root
