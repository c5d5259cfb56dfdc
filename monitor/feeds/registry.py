"""The feed registry: add, list, remove, import OPML, and leases so two schedulers never
poll one feed at the same time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from defusedxml import ElementTree
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from monitor.config import parse_duration
from monitor.db import Database, Feed
from monitor.exc import MonitorError, NotFoundError


def normalise_location(location: str) -> str:
    """An http(s) URL as given, or a local file as an absolute path (it must exist)."""
    parsed = urlparse(location)
    if parsed.scheme in ("http", "https"):
        if not parsed.netloc:
            raise MonitorError(f"not a feed URL: {location!r}")
        return location
    if parsed.scheme == "file":
        location = parsed.path
    elif parsed.scheme and len(parsed.scheme) > 1:
        raise MonitorError(f"unsupported feed URL scheme {parsed.scheme!r}: use http(s) or a file path")
    path = Path(location).expanduser()
    if not path.is_file():
        raise MonitorError(f"no such feed file: {path}")
    return str(path.resolve())


def feed_row(feed: Feed) -> dict[str, Any]:
    return {
        "feed_id": feed.id, "name": feed.name, "url": feed.url, "interval_s": feed.interval_seconds,
        "full_text": feed.full_text, "enabled": feed.enabled,
        "last_fetched_at": feed.last_fetched_at.isoformat() if feed.last_fetched_at else None,
        "last_status": feed.last_status, "last_error": feed.last_error, "last_warning": feed.last_warning,
        "consecutive_failures": feed.consecutive_failures, "articles_seen": feed.articles_seen,
        "next_poll_at": feed.next_poll_at.isoformat() if feed.next_poll_at else None,
    }


def add_feed(session: Session, location: str, name: str | None = None, interval: str = "15m",
             full_text: bool = False) -> tuple[Feed, bool]:
    """Register a feed; returns (feed, created). Adding a known URL again changes nothing."""
    url = normalise_location(location)
    seconds = int(parse_duration(interval))
    if seconds < 60:
        raise MonitorError("the poll interval must be at least 1m (be polite to publishers)")
    existing = session.scalar(select(Feed).where(Feed.url == url))
    if existing is not None:
        return existing, False
    feed = Feed(url=url, name=name or (urlparse(url).netloc or Path(url).name), interval_seconds=seconds,
                full_text=full_text)
    session.add(feed)
    session.flush()
    return feed, True


def find_feed(session: Session, ref: str) -> Feed:
    feed = None
    if ref.isdigit():
        feed = session.get(Feed, int(ref))
    feed = feed or session.scalar(select(Feed).where(or_(Feed.url == ref, Feed.name == ref)).limit(1))
    if feed is None:
        raise NotFoundError(f"no feed {ref!r} (see `monitor feed list`)")
    return feed


def list_feeds(session: Session) -> list[dict[str, Any]]:
    return [feed_row(f) for f in session.scalars(select(Feed).order_by(Feed.id))]


def remove_feed(session: Session, ref: str) -> dict[str, Any]:
    """Remove a feed with its articles and hits (the database cascades)."""
    feed = find_feed(session, ref)
    row = feed_row(feed)
    session.delete(feed)
    return row


def import_opml(session: Session, path: Path, interval: str = "15m") -> dict[str, Any]:
    """Add every feed (`xmlUrl`) of an OPML subscription list; report added and known ones."""
    try:
        tree = ElementTree.parse(str(path), forbid_dtd=True)
    except (ElementTree.ParseError, OSError, ValueError) as exc:
        raise MonitorError(f"{path}: not a readable OPML file: {exc}") from None
    root = tree.getroot()
    if root.tag.lower() != "opml":
        raise MonitorError(f"{path}: not OPML (root element <{root.tag}>)")
    added, known, rejected = [], [], []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue  # a folder
        name = outline.get("title") or outline.get("text")
        try:
            feed, created = add_feed(session, url, name, interval)
        except MonitorError as exc:
            rejected.append({"url": url, "error": str(exc)})
            continue
        (added if created else known).append(feed_row(feed))
    return {"added": added, "known": known, "rejected": rejected}


def claim_due_feeds(db: Database, owner: str, lease_s: float, now: dt.datetime | None = None,
                    exclude_names: tuple[str, ...] = ()) -> list[int]:
    """Lease the enabled feeds that are due to `owner`; a feed leased by another is skipped.

    Each claim is one conditional UPDATE, atomic on SQLite and PostgreSQL alike, so two
    `monitor run` processes on one database never poll the same feed at once.
    """
    now = now or dt.datetime.now(dt.UTC)
    until = now + dt.timedelta(seconds=lease_s)
    claimed = []
    with db.session() as session:
        due = list(session.scalars(
            select(Feed.id).where(Feed.enabled.is_(True), Feed.name.not_in(exclude_names),
                                  or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
            .order_by(Feed.next_poll_at.is_(None).desc(), Feed.next_poll_at, Feed.id)
        ))
    for feed_id in due:
        with db.session() as session:
            result = session.execute(
                update(Feed)
                .where(Feed.id == feed_id, or_(Feed.lease_until.is_(None), Feed.lease_until < now,
                                               Feed.lease_owner == owner))
                .values(lease_owner=owner, lease_until=until)
            )
            if result.rowcount == 1:
                claimed.append(feed_id)
    return claimed


def release_feeds(db: Database, owner: str, feed_ids: list[int]) -> None:
    with db.session() as session:
        session.execute(update(Feed).where(Feed.id.in_(feed_ids), Feed.lease_owner == owner)
                        .values(lease_owner=None, lease_until=None))
