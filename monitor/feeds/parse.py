"""Feed parsing with feedparser: bytes plus response headers in, plain-text entries out."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import feedparser

from monitor.exc import FeedError

_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment; markup, scripts and styles are dropped."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


@dataclass
class ParsedEntry:
    key: str
    guid: str | None
    link: str | None
    title: str
    body: str
    published_at: dt.datetime | None
    language: str | None

    @property
    def text(self) -> str:
        """The text that is screened; hits' offsets point into it."""
        return f"{self.title}\n\n{self.body}" if self.body else self.title

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class ParsedFeed:
    title: str
    entries: list[ParsedEntry]
    warning: str | None = None


def _published(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def parse_feed(content: bytes, headers: dict[str, str] | None = None, url: str = "") -> ParsedFeed:
    """Parse a feed document. A document that is not a feed raises FeedError."""
    parsed = feedparser.parse(content, response_headers=headers or {})
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = f"{type(exc).__name__}: {exc}" if exc else "malformed feed"
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"not a feed (RSS, Atom or RDF){': ' + warning if warning else ''}")
    feed_lang = parsed.feed.get("language")
    entries: list[ParsedEntry] = []
    for entry in parsed.entries:
        title = html_to_text(entry.get("title", "") or "")
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        summary = entry.get("summary", "") or ""
        body_html = max(contents, key=len) if contents else summary
        body = html_to_text(body_html)
        if summary and contents and html_to_text(summary) not in body:
            body = f"{html_to_text(summary)}\n\n{body}"
        guid = (entry.get("id") or "").strip() or None
        link = (entry.get("link") or "").strip() or None
        item = ParsedEntry(
            key="",
            guid=guid,
            link=link,
            title=title,
            body=body,
            published_at=_published(entry),
            language=(entry.get("language") or feed_lang or None),
        )
        if not (title or body):
            continue
        item.key = (f"guid:{guid}" if guid else f"link:{link}" if link else f"sha256:{item.content_hash}")[:512]
        entries.append(item)
    return ParsedFeed(title=html_to_text(parsed.feed.get("title", "") or ""), entries=entries, warning=warning)
