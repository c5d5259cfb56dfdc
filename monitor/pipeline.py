"""One check cycle: fetch feeds -> parse -> store new articles -> match -> record hits -> queue alerts.

Each feed's new articles commit together with their hits and alerts and the feed's status
(each article in a savepoint of its own), so an interrupted cycle leaves the database
consistent: an article is either stored with all its hits, or not at all (and is then picked
up again by the next cycle).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from monitor.alerts import queue_alert, queued_count
from monitor.alerts.routing import HitFacts, route
from monitor.alerts.send import DeliveryReport, deliver_due
from monitor.config import Settings, parse_duration
from monitor.db import Article, Database, Entity, Feed, Hit, Suppression
from monitor.exc import FeedError, NotFoundError
from monitor.feeds import Fetcher, FetchRequest, parse_feed
from monitor.feeds.fulltext import with_full_text
from monitor.matching import MatchIndex, Mention, TextMatcher
from monitor.matching.normalize import normalize_phrase
from monitor.resources import seeds_dir
from monitor.review import hit_row
from monitor.screening import build_index, load_records
from monitor.watchlists import import_bundled_if_empty

log = logging.getLogger(__name__)
DEMO_FEED_NAME = "demo"
MAX_BACKOFF_SECONDS = 24 * 3600


@dataclass
class FeedOutcome:
    feed_id: int
    url: str
    status: int | None
    ok: bool
    articles_new: int = 0
    error: str | None = None
    warning: str | None = None
    bytes: int = 0
    duration_s: float = 0.0


@dataclass
class CycleReport:
    feeds: int = 0
    feeds_ok: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    hits_new: list[dict[str, Any]] = field(default_factory=list)
    alerts_queued: int = 0
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    outcomes: list[FeedOutcome] = field(default_factory=list)
    duration_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "feeds": self.feeds,
            "feeds_ok": self.feeds_ok,
            "feeds_failed": self.feeds_failed,
            "articles_new": self.articles_new,
            "hits_new": self.hits_new,
            "alerts_queued": self.alerts_queued,
            "alerts_sent": self.delivery.sent,
            "delivery": self.delivery.as_dict(),
            "feed_results": [
                {"feed_id": o.feed_id, "url": o.url, "status": o.status, "ok": o.ok,
                 "articles_new": o.articles_new, "error": o.error, "warning": o.warning}
                for o in self.outcomes
            ],
            "duration_s": round(self.duration_s, 3),
        }


def prepare(db: Database) -> None:
    """Make a database usable: migrate SQLite on first use, import the bundled lists if none."""
    db.ensure_ready()
    import_bundled_if_empty(db)


def demo_feed_path() -> Path:
    return seeds_dir() / "demo-feed.xml"


def select_feeds(db: Database, selectors: list[str] | None = None, due_only: bool = False) -> list[Feed]:
    """The feeds a cycle polls: the named ones, else all enabled ones, else the demo feed."""
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        feeds = list(session.scalars(select(Feed).where(Feed.enabled.is_(True)).order_by(Feed.id)))
        if selectors:
            chosen = []
            for sel in selectors:
                match = [f for f in feeds if str(f.id) == sel or f.url == sel or f.name == sel]
                if not match:
                    raise NotFoundError(f"no feed {sel!r} (see `monitor feed list`)")
                chosen.extend(match)
            return chosen
        real = [f for f in feeds if f.name != DEMO_FEED_NAME]
        if real:
            if due_only:
                real = [f for f in real if f.next_poll_at is None or f.next_poll_at <= now]
            return real
        demo = next((f for f in feeds if f.name == DEMO_FEED_NAME), None)
        if demo is None:
            demo = Feed(url=str(demo_feed_path()), name=DEMO_FEED_NAME, interval_seconds=3600)
            session.add(demo)
            session.flush()
        elif demo.url != str(demo_feed_path()):
            demo.url = str(demo_feed_path())  # the checkout moved
        return [demo]


def hit_payload(hit: Hit) -> dict[str, Any]:
    """A new hit as `monitor check` reports it: the review row, the rounded score, the features."""
    return hit_row(hit) | {"score": round(hit.score, 4), "features": hit.features}


class Pipeline:
    """Runs check cycles against one database with one settings object."""

    def __init__(self, settings: Settings, db: Database, index: MatchIndex | None = None) -> None:
        self.settings = settings
        self.db = db
        self._index = index

    @property
    def index(self) -> MatchIndex:
        if self._index is None:
            with self.db.session() as session:
                self._index = build_index(session, cache_dir=self.settings.home / "cache")
        return self._index

    def invalidate_index(self) -> None:
        self._index = None

    def check(self, selectors: list[str] | None = None, due_only: bool = False,
              progress: Callable[[str, int, int], None] | None = None, deliver: bool = True,
              feed_ids: list[int] | None = None) -> CycleReport:
        """One cycle over the selected feeds (or exactly `feed_ids`, as the scheduler claims)."""
        started = time.perf_counter()
        if feed_ids is not None:
            with self.db.session() as session:
                feeds = list(session.scalars(select(Feed).where(Feed.id.in_(feed_ids)).order_by(Feed.id)))
        else:
            feeds = select_feeds(self.db, selectors, due_only=due_only)
        report = CycleReport(feeds=len(feeds))
        fetcher = Fetcher(self.settings.feeds)
        results = fetcher.fetch_all_sync(
            [FetchRequest(f.url, f.etag, f.last_modified) for f in feeds]
        )
        matcher = TextMatcher(self.index, self.settings.matching.threshold) if any(
            r.ok and not r.not_modified for r in results) else None
        unchanged: list[tuple[Feed, FeedOutcome, Any]] = []
        for n, (feed, result) in enumerate(zip(feeds, results, strict=True), 1):
            if result.ok and result.not_modified:
                # A 304 changes only the feed's status: those are written together below.
                outcome = FeedOutcome(feed.id, feed.url, result.status, ok=True, bytes=0,
                                      duration_s=result.duration_s)
                unchanged.append((feed, outcome, result))
            else:
                outcome = self._process_feed(feed, result, matcher, report)
            report.outcomes.append(outcome)
            if outcome.ok:
                report.feeds_ok += 1
            else:
                report.feeds_failed += 1
            log.info(
                "feed %s status=%s bytes=%d duration=%.2fs new_articles=%d%s",
                feed.url, outcome.status if outcome.status is not None else "-", outcome.bytes,
                outcome.duration_s, outcome.articles_new,
                f" error={outcome.error!r}" if outcome.error else "",
            )
            if progress:
                progress(feed.name or feed.url, n, len(feeds))
        if unchanged:
            with self.db.session() as session:
                rows = {f.id: f for f in session.scalars(select(Feed).where(Feed.id.in_([f.id for f, _o, _r in unchanged])))}
                for feed, outcome, result in unchanged:
                    self._record_feed_status(rows.get(feed.id), outcome, result)
        if deliver:
            report.delivery = deliver_due(self.db, self.settings)
            if report.delivery.skipped:
                log.info(report.delivery.skipped)
        with self.db.session() as session:
            report.alerts_queued = queued_count(session)
        report.duration_s = time.perf_counter() - started
        return report

    def _process_feed(self, feed: Feed, result: Any, matcher: TextMatcher | None,
                      report: CycleReport) -> FeedOutcome:
        outcome = FeedOutcome(feed.id, feed.url, result.status, ok=result.ok, error=result.error,
                              bytes=len(result.content), duration_s=result.duration_s)
        entries = []
        if result.ok and not result.not_modified:
            try:
                parsed = parse_feed(result.content, result.headers, feed.url)
                entries = parsed.entries
                outcome.warning = parsed.warning
            except FeedError as exc:
                outcome.ok, outcome.error = False, str(exc)
        if entries:
            with self.db.session() as session:
                entries = self._new_entries(session, feed.id, entries)
        if feed.full_text and entries:
            entries, pages = with_full_text(entries, Fetcher(self.settings.feeds))
            log.info("feed %s: full text from %d of %d article pages", feed.url, pages, len(entries))
        # One transaction per feed: its new articles with their hits and alerts, and its
        # status. (An article commits with its own hits and alerts, never without them.)
        with self.db.session() as session:
            for entry in entries:
                hits = self._store_entry(session, feed.id, entry, matcher)
                if hits is None:
                    continue
                outcome.articles_new += 1
                report.articles_new += 1
                report.hits_new.extend(hits)
            self._record_feed_status(session.get(Feed, feed.id), outcome, result)
        return outcome

    def _store_entry(self, session: Any, feed_id: int, entry: Any,
                     matcher: TextMatcher) -> list[dict[str, Any]] | None:
        """Store one new entry with its hits (in a savepoint); None if another process stored
        it first."""
        savepoint = session.begin_nested()
        article = Article(feed_id=feed_id, key=entry.key, guid=entry.guid, link=entry.link,
                          title=entry.title, text=entry.text, content_hash=entry.content_hash,
                          language=entry.language, published_at=entry.published_at)
        session.add(article)
        try:
            session.flush()
        except IntegrityError:  # another process stored it first
            savepoint.rollback()
            return None
        hits = self.record_hits(session, article, matcher.screen(article.text))
        savepoint.commit()
        return hits

    @staticmethod
    def _new_entries(session: Any, feed_id: int, entries: list[Any]) -> list[Any]:
        """The entries not stored yet. Stored means the same key (guid, else link, else content
        hash), or the same link under a new guid (some publishers change guids on every edit).
        One query per feed; duplicates within the document count once."""
        keys = [e.key for e in entries]
        links = [e.link for e in entries if e.link]
        known_keys: set[str] = set()
        known_links: set[str] = set()
        for chunk in range(0, max(len(keys), len(links)), 500):
            for key, link in session.execute(
                select(Article.key, Article.link).where(
                    Article.feed_id == feed_id,
                    Article.key.in_(keys[chunk : chunk + 500]) | Article.link.in_(links[chunk : chunk + 500]),
                )
            ):
                known_keys.add(key)
                if link:
                    known_links.add(link)
        fresh = []
        for entry in entries:
            if entry.key in known_keys or (entry.link and entry.link in known_links):
                continue
            known_keys.add(entry.key)
            if entry.link:
                known_links.add(entry.link)
            fresh.append(entry)
        return fresh

    def record_hits(self, session: Any, article: Article, mentions: list[Mention]) -> list[dict[str, Any]]:
        """Record the best mention per entity as a hit, with its alert, unless suppressed."""
        best: dict[int, Mention] = {}
        counts: dict[int, int] = {}
        for m in mentions:
            eid = m.entity.entity_id
            counts[eid] = counts.get(eid, 0) + 1
            if eid not in best or (m.score, m.end - m.start) > (best[eid].score, best[eid].end - best[eid].start):
                best[eid] = m
        payloads = []
        for eid, m in best.items():
            already = session.scalar(select(Hit.id).where(Hit.article_id == article.id, Hit.entity_id == eid))
            if already is not None:
                continue
            if self._suppressed(session, eid, m.text, article.feed_id):
                log.info("hit suppressed: entity %d phrase %r", eid, m.text)
                continue
            features = dict(m.features, mentions=counts[eid])
            hit = Hit(article_id=article.id, entity_id=eid, start=m.start, end=m.end, text=m.text,
                      matched_name=m.matched_name, score=m.score, features=features)
            session.add(hit)
            session.flush()
            entity = session.get(Entity, eid)
            feed = session.get(Feed, article.feed_id)
            facts = HitFacts(source=entity.source, programs=tuple(entity.programs or ()),
                             schema=entity.schema, score=hit.score,
                             feed=tuple(x for x in (feed.name, feed.url) if x) if feed else ())
            recipients, mode = route(self.settings.alerts, facts)
            queue_alert(session, hit, recipients, mode)
            payloads.append(hit_payload(hit))
        return payloads

    @staticmethod
    def _suppressed(session: Any, entity_id: int, phrase: str, feed_id: int) -> bool:
        norm = normalize_phrase(phrase)
        rules = session.scalars(select(Suppression).where(Suppression.entity_id == entity_id,
                                                          Suppression.phrase == norm))
        return any(r.feed_id in (None, feed_id) for r in rules)

    def _record_feed_status(self, feed: Feed | None, outcome: FeedOutcome, result: Any) -> None:
        now = dt.datetime.now(dt.UTC)
        if feed is None:  # removed while it was polled
            return
        feed.last_fetched_at = now
        feed.last_status = result.status
        interval = feed.interval_seconds or parse_duration(self.settings.feeds.default_interval)
        if outcome.ok:
            feed.last_error = None
            feed.consecutive_failures = 0
            feed.last_warning = outcome.warning
            if result.etag:
                feed.etag = result.etag
            if result.last_modified:
                feed.last_modified = result.last_modified
            feed.articles_seen += outcome.articles_new
            feed.next_poll_at = now + dt.timedelta(seconds=interval)
        else:
            feed.last_error = outcome.error
            feed.consecutive_failures += 1
            backoff = min(MAX_BACKOFF_SECONDS, interval * 2 ** min(feed.consecutive_failures, 10))
            feed.next_poll_at = now + dt.timedelta(seconds=backoff)


def rescreen(db: Database, settings: Settings, entity_ids: list[int], days: int | None = None) -> list[dict[str, Any]]:
    """Screen stored articles of the last `days` again, for these (new or renamed) entities
    only; new hits are recorded and alerted as usual. Returns the new hits."""
    if not entity_ids:
        return []
    days = settings.matching.rescreen_days if days is None else days
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    with db.session() as session:
        records = load_records(session, entity_ids)
    if not records:
        return []
    pipeline = Pipeline(settings, db, MatchIndex(records))
    matcher = TextMatcher(pipeline.index, settings.matching.threshold)
    new_hits: list[dict[str, Any]] = []
    with db.session() as session:
        article_ids = list(session.scalars(select(Article.id).where(Article.fetched_at >= since).order_by(Article.id)))
    for article_id in article_ids:
        with db.session() as session:
            article = session.get(Article, article_id)
            mentions = matcher.screen(article.text)
            if mentions:
                new_hits.extend(pipeline.record_hits(session, article, mentions))
    log.info("re-screened %d articles of the last %d days for %d entities: %d new hits",
             len(article_ids), days, len(records), len(new_hits))
    return new_hits
