"""`monitor run`: the long-running scheduler (APScheduler).

Jobs: poll the feeds that are due (each feed keeps its own interval; a tick every minute
claims due feeds under a lease in the database, so several processes can share the work),
send due alerts, refresh the imported watchlists from their official URLs (daily by default,
`[watchlists] refresh_interval`, "0" to turn off), send the daily digest at the configured time. Each job runs at most once at
a time; missed runs after downtime are coalesced into one. SIGINT/SIGTERM stop the
scheduler after in-flight work has committed (each article commits on its own).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import socket
import threading
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from monitor.alerts.send import deliver_due, send_digest
from monitor.config import Settings, parse_duration
from monitor.db import Database
from monitor.exc import MonitorError
from monitor.feeds.registry import claim_due_feeds, release_feeds
from monitor.pipeline import DEMO_FEED_NAME, Pipeline, select_feeds

log = logging.getLogger(__name__)

TICK_S = 60
LEASE_S = 15 * 60


class Runner:
    def __init__(self, settings: Settings, db: Database, tick_s: float = TICK_S) -> None:
        self.settings = settings
        self.db = db
        self.tick_s = tick_s
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self.pipeline = Pipeline(settings, db)
        self.scheduler = BlockingScheduler(timezone=dt.UTC, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": 3600,
        })
        self.stopping = threading.Event()

    def poll(self) -> dict[str, Any]:
        """Claim the due feeds, run one cycle over them, release them."""
        # Like `monitor check`: the demo feed only while no real feed is registered.
        real = [f for f in select_feeds(self.db) if f.name != DEMO_FEED_NAME]
        exclude = (DEMO_FEED_NAME,) if real else ()
        feed_ids = claim_due_feeds(self.db, self.owner, LEASE_S, exclude_names=exclude)
        if not feed_ids:
            return {"feeds": 0}
        try:
            report = self.pipeline.check(feed_ids=feed_ids, deliver=False)
        finally:
            release_feeds(self.db, self.owner, feed_ids)
        log.info("poll: %d feeds (%d failed), %d new articles, %d new hits", report.feeds,
                 report.feeds_failed, report.articles_new, len(report.hits_new))
        return report.as_dict()

    def deliver(self) -> None:
        report = deliver_due(self.db, self.settings)
        if report.sent or report.deferred or report.failed:
            log.info("alerts: sent %d, deferred %d, failed %d", report.sent, report.deferred, report.failed)

    def refresh_lists(self) -> None:
        """Refresh every imported source that has download URLs; re-screen for new names."""
        from monitor.pipeline import rescreen
        from monitor.queries import list_sources
        from monitor.watchlists import known_sources
        from monitor.watchlists.refresh import refresh_source

        specs = known_sources()
        with self.db.session() as session:
            imported = [row["source"] for row in list_sources(session)]
        for name in imported:
            spec = specs.get(name)
            if spec is None or not spec.urls:
                continue
            try:
                result = refresh_source(self.db, self.settings, spec)
            except MonitorError as exc:
                log.error("watchlist refresh %s: %s (the version in force stays)", name, exc)
                continue
            if result.new_name_entity_ids:
                hits = rescreen(self.db, self.settings, result.new_name_entity_ids)
                log.info("watchlist %s version %d: re-screening found %d new hits", name, result.version, len(hits))
            self.pipeline.invalidate_index()

    def digest(self) -> None:
        yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
        try:
            send_digest(self.db, self.settings, yesterday)
        except MonitorError as exc:
            log.error("digest: %s", exc)

    def _guard(self, job: Any) -> Any:
        def run() -> None:
            if self.stopping.is_set():
                return
            try:
                job()
            except Exception:  # one failed run must not stop the scheduler
                log.exception("job %s failed", job.__name__)
        run.__name__ = job.__name__
        return run

    def start(self) -> None:
        now = dt.datetime.now(dt.UTC)
        self.scheduler.add_job(self._guard(self.poll), IntervalTrigger(seconds=self.tick_s), id="poll",
                               next_run_time=now)
        self.scheduler.add_job(self._guard(self.deliver), IntervalTrigger(seconds=self.tick_s), id="alerts",
                               next_run_time=now + dt.timedelta(seconds=5))
        refresh_s = parse_duration(self.settings.watchlists.refresh_interval)
        if refresh_s > 0:
            self.scheduler.add_job(self._guard(self.refresh_lists), IntervalTrigger(seconds=refresh_s),
                                   id="watchlists", next_run_time=now + dt.timedelta(seconds=refresh_s))
        if self.settings.digest.send:
            hour, _, minute = self.settings.digest.time.partition(":")
            self.scheduler.add_job(self._guard(self.digest), CronTrigger(hour=int(hour), minute=int(minute or 0)),
                                   id="digest")
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._on_signal)
        log.info("monitor run: %s polling every %ss, alerts every %ss, digest %s", self.owner, self.tick_s,
                 self.tick_s, f"daily at {self.settings.digest.time} UTC" if self.settings.digest.send else "off")
        self.scheduler.start()
        log.info("monitor run: stopped")

    def _on_signal(self, signum: int, _frame: Any) -> None:
        log.info("monitor run: %s received, finishing in-flight work", signal.Signals(signum).name)
        self.stopping.set()
        threading.Thread(target=self.scheduler.shutdown, kwargs={"wait": True}, daemon=True).start()
