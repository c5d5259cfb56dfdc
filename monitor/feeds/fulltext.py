"""Full text: fetch an article's page and extract its main text (trafilatura).

Many feeds carry a headline and one line of summary; the names are in the body. Pages are
fetched by the same polite fetcher as feeds (timeouts, size cap, per-host limits, retries).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from urllib.parse import urlparse

from monitor.feeds.fetch import Fetcher, FetchRequest
from monitor.feeds.parse import ParsedEntry

log = logging.getLogger(__name__)
MIN_GAIN_CHARS = 200  # extracted text must add this much to replace the summary


def extract_main_text(html: bytes, url: str | None = None) -> str:
    """The main text of an HTML page (navigation, ads and footers dropped), or ''."""
    import trafilatura

    try:
        text = trafilatura.extract(html.decode("utf-8", errors="replace"), url=url, include_comments=False,
                                   include_tables=False, favor_precision=True)
    except Exception as exc:  # a malformed page must not stop the feed
        log.warning("full text: extraction failed for %s: %s", url, exc)
        return ""
    return text or ""


def with_full_text(entries: list[ParsedEntry], fetcher: Fetcher) -> tuple[list[ParsedEntry], int]:
    """Entries whose pages gave more text get it as their body; returns (entries, pages used)."""
    targets = [e for e in entries if e.link and urlparse(e.link).scheme in ("http", "https")]
    if not targets:
        return entries, 0
    results = fetcher.fetch_all_sync([FetchRequest(e.link) for e in targets])
    bodies: dict[str, str] = {}
    for entry, result in zip(targets, results, strict=True):
        if not result.ok or not result.content:
            log.info("full text: %s not fetched: %s", entry.link, result.error or "empty")
            continue
        text = extract_main_text(result.content, entry.link)
        if len(text) >= len(entry.body) + MIN_GAIN_CHARS:
            bodies[entry.key] = text
    out = [replace(e, body=bodies[e.key]) if e.key in bodies else e for e in entries]
    return out, len(bodies)
