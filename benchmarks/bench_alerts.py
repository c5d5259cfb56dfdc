"""Alert delivery and digest benchmark.

    .venv/bin/python benchmarks/bench_alerts.py [--alerts 10000] [--hits 100000]

Delivers N queued alerts to a local aiosmtpd server in per-hit mode (one email each) and in
per-cycle mode (batched), printing alerts/s and emails/s, against a baseline in the same run:
the same number of pre-rendered emails sent with plain smtplib on one connection. Then
renders the digest for a day over 30 days holding `--hits` hits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import smtplib
import socket
import tempfile
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from sqlalchemy import insert, select, update

from monitor.alerts.digest import build_digest, digest_file_html
from monitor.alerts.send import deliver_due
from monitor.config import load_settings
from monitor.db import Alert, Article, Database, Entity, Feed, Hit
from monitor.pipeline import prepare


class Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(db: Database, n_hits: int, days: int = 30) -> None:
    """Articles and hits spread over `days` days, on real listed entities."""
    with db.session() as session:
        entity_ids = list(session.scalars(select(Entity.id).limit(2000)))
        feed = Feed(url="https://bench.example/rss", name="bench")
        session.add(feed)
        session.flush()
        now = dt.datetime.now(dt.UTC)
        rng = random.Random(7)
        articles = [{"feed_id": feed.id, "key": f"k{i}", "title": f"Article {i} about sanctions",
                     "text": f"Article {i} about sanctions\n\nWagner Group fighters and others, item {i}.",
                     "content_hash": f"{i:064d}", "fetched_at": now - dt.timedelta(days=rng.randrange(days))}
                    for i in range(n_hits)]
        session.execute(insert(Article), articles)
        ids = list(session.scalars(select(Article.id).order_by(Article.id)))
        hits = [{"article_id": aid, "entity_id": rng.choice(entity_ids), "start": 29, "end": 41,
                 "text": "Wagner Group", "matched_name": "WAGNER GROUP", "score": 0.9,
                 "features": {"mention": "full"}, "status": "new",
                 "created_at": articles[i]["fetched_at"]} for i, aid in enumerate(ids)]
        session.execute(insert(Hit), hits)


def queue(db: Database, n: int, mode: str) -> None:
    with db.session() as session:
        session.execute(update(Alert).values(status="sent"))
        hit_ids = list(session.scalars(select(Hit.id).where(~Hit.id.in_(select(Alert.hit_id).where(Alert.hit_id.is_not(None)))).limit(n)))
        session.execute(insert(Alert), [{"hit_id": h, "kind": mode, "message_id": f"<b{h}@bench>",
                                         "recipients": ["desk@bank.example"]} for h in hit_ids])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--hits", type=int, default=100_000)
    args = parser.parse_args()
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    db = Database(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    prepare(db)
    seed(db, max(args.hits, 2 * args.alerts))
    env = {"MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(port), "MONITOR_ALERT_TO": "desk@bank.example"}
    settings = load_settings(None, {"home": tempfile.mkdtemp()}, environ=env)
    try:
        for mode in ("hit", "cycle"):
            queue(db, args.alerts, mode)
            before = sink.count
            started = time.perf_counter()
            report = deliver_due(db, settings, limit=args.alerts)
            secs = time.perf_counter() - started
            print(f"per-{mode:5} mode  {report.sent} alerts in {report.emails} emails: {secs:6.2f} s = "
                  f"{report.sent / secs:7.0f} alerts/s, {(sink.count - before) / secs:7.1f} emails/s")
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "m@bank.example", "desk@bank.example", "baseline"
        msg.set_content("x" * 2000)
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as conn:
            for _ in range(args.alerts):
                conn.send_message(msg)
        secs = time.perf_counter() - started
        print(f"baseline         {args.alerts} pre-rendered emails, plain smtplib: {secs:6.2f} s = "
              f"{args.alerts / secs:7.0f} emails/s")
    finally:
        controller.stop()
    day = dt.datetime.now(dt.UTC).date()
    with db.session() as session:
        started = time.perf_counter()
        digest = build_digest(session, day)
        html = digest_file_html(digest)
        secs = time.perf_counter() - started
    total = sum(n for _d, n in digest.per_day)
    print(f"digest           {total} hits over 30 days, {digest.total} on the day: rendered in {secs:.2f} s "
          f"({len(html) / 1e6:.1f} MB HTML)")


if __name__ == "__main__":
    main()
