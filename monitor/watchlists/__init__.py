"""Watchlists: one module per source format, plus the versioned importer."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from monitor.db import Database, WatchlistSource
from monitor.exc import WatchlistError
from monitor.resources import watchlists_dir
from monitor.watchlists import custom, eu, ftm, ofac, uk, un
from monitor.watchlists.importer import ImportResult, import_parsed
from monitor.watchlists.model import ListedEntity, ListedName, ParsedList

log = logging.getLogger(__name__)

Parser = Callable[[Path], ParsedList]
FORMATS: dict[str, Parser] = {ofac.FORMAT: ofac.parse, un.FORMAT: un.parse, uk.FORMAT: uk.parse,
                               eu.FORMAT: eu.parse, ftm.FORMAT: ftm.parse, custom.FORMAT: custom.parse}
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class SourceSpec:
    name: str
    format: str
    title: str = ""
    bundled: Path | None = None
    urls: tuple[str, ...] = ()


def known_sources(path: Path | None = None) -> dict[str, SourceSpec]:
    """The sources declared in `watchlists/sources.toml`."""
    path = path or watchlists_dir() / "sources.toml"
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    specs = {}
    for name, spec in data.items():
        bundled = spec.get("bundled")
        specs[name] = SourceSpec(
            name=name,
            format=spec["format"],
            title=spec.get("title", ""),
            bundled=(path.parent / bundled) if bundled else None,
            urls=tuple(spec.get("urls", ())),
        )
    return specs


def parse_path(fmt: str, path: Path) -> ParsedList:
    if fmt not in FORMATS:
        raise WatchlistError(f"unknown watchlist format {fmt!r} (known: {', '.join(sorted(FORMATS))})")
    if not path.exists():
        raise WatchlistError(f"{path}: no such file or directory")
    files = [p for p in path.iterdir() if p.is_file()] if path.is_dir() else [path]
    for file in files:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise WatchlistError(
                f"{file}: {file.stat().st_size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a watchlist file"
            )
    return FORMATS[fmt](path)


def import_path(db: Database, source: str, path: Path, fmt: str | None = None,
                origin: str | None = None) -> ImportResult:
    """Parse `path` and import it as the next version of `source`, atomically."""
    if fmt is None:
        spec = known_sources().get(source)
        if spec is not None:
            fmt = spec.format
        elif source in FORMATS:
            fmt = source
        else:
            raise WatchlistError(f"unknown source {source!r}: name its format with --type")
    parsed = parse_path(fmt, path)
    if origin:
        parsed.origin = origin
    with db.session() as session:
        return import_parsed(session, source, fmt, parsed)


def import_bundled_if_empty(db: Database) -> list[ImportResult]:
    """On a database with no watchlist at all, import the lists bundled in `watchlists/`."""
    with db.session() as session:
        if session.query(WatchlistSource.id).first() is not None:
            return []
    results = []
    for spec in known_sources().values():
        if spec.bundled is not None:
            log.info("importing bundled watchlist %s from %s", spec.name, spec.bundled)
            results.append(import_path(db, spec.name, spec.bundled, spec.format))
    return results


__all__ = [
    "FORMATS",
    "ImportResult",
    "ListedEntity",
    "ListedName",
    "ParsedList",
    "SourceSpec",
    "import_bundled_if_empty",
    "import_path",
    "known_sources",
    "parse_path",
]
