"""`monitor watchlist refresh`: download a source's official files and import them if changed.

Downloads go through the feed fetcher (httpx: timeouts, retries with back-off, a size cap,
per-host politeness). The files land in a temporary folder under their URL's file name and
are imported as one version; an unchanged download is recognised by its hash and changes
nothing; a broken one is rejected whole and the version in force stays.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from monitor.config import Settings
from monitor.db import Database
from monitor.exc import WatchlistError
from monitor.feeds.fetch import Fetcher, FetchRequest
from monitor.watchlists import ImportResult, SourceSpec, import_path, known_sources

MAX_LIST_BYTES = 256 * 1024 * 1024


def refresh_source(db: Database, settings: Settings, spec: SourceSpec,
                   urls: tuple[str, ...] | None = None) -> ImportResult:
    urls = urls or spec.urls
    if not urls:
        raise WatchlistError(f"source {spec.name!r} has no download URLs in sources.toml")
    fetcher = Fetcher(dataclasses.replace(settings.feeds, max_bytes=MAX_LIST_BYTES, timeout=120.0))
    results = fetcher.fetch_all_sync([FetchRequest(u) for u in urls])
    with tempfile.TemporaryDirectory(prefix=f"monitor-{spec.name}-") as tmp:
        for url, result in zip(urls, results, strict=True):
            if not result.ok:
                raise WatchlistError(f"{spec.name}: download of {url} failed: {result.error}")
            name = Path(urlparse(url).path).name or "list"
            (Path(tmp) / name).write_bytes(result.content)
        target = Path(tmp) if len(urls) > 1 else Path(tmp) / (Path(urlparse(urls[0]).path).name or "list")
        return import_path(db, spec.name, target, spec.format, origin=", ".join(urls))


def refresh(db: Database, settings: Settings, source: str | None = None) -> list[ImportResult]:
    specs = known_sources()
    if source:
        if source not in specs:
            raise WatchlistError(f"unknown source {source!r} (known: {', '.join(sorted(specs))})")
        chosen = [specs[source]]
    else:
        chosen = [s for s in specs.values() if s.urls]
    return [refresh_source(db, settings, spec) for spec in chosen]
