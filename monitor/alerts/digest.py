"""The daily digest: the day's hits by entity (new entities first), counts per source and
feed, failing feeds, list versions in force, and a 30-day chart (matplotlib PNG)."""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from monitor.alerts.render import _env, hit_view, one_line
from monitor.db import Article, Feed, Hit, WatchlistSource, WatchlistVersion

CHART_DAYS = 30


@dataclass
class Digest:
    day: dt.date
    groups: list[dict[str, Any]] = field(default_factory=list)  # per entity, new entities first
    total: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    by_feed: dict[str, int] = field(default_factory=dict)
    failing_feeds: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    per_day: list[tuple[dt.date, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(), "hits": self.total,
            "entities": [{k: v for k, v in g.items() if k != "views"} for g in self.groups],
            "by_source": self.by_source, "by_feed": self.by_feed, "failing_feeds": self.failing_feeds,
            "versions": self.versions, "per_day": [(d.isoformat(), n) for d, n in self.per_day],
        }


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    return start, start + dt.timedelta(days=1)


def build_digest(session: Session, day: dt.date) -> Digest:
    start, end = _day_bounds(day)
    digest = Digest(day=day)
    hits = list(session.scalars(
        select(Hit).where(Hit.created_at >= start, Hit.created_at < end)
        .options(selectinload(Hit.entity), selectinload(Hit.article).selectinload(Article.feed))
        .order_by(Hit.score.desc())
    ))
    digest.total = len(hits)
    seen_before = set(session.scalars(
        select(Hit.entity_id).where(Hit.created_at < start, Hit.entity_id.in_({h.entity_id for h in hits}))
    )) if hits else set()
    grouped: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.entity_id].append(hit)
    for entity_id, group in grouped.items():
        entity = group[0].entity
        digest.groups.append({
            "entity_id": entity_id, "name": entity.name, "source": entity.source,
            "source_id": entity.source_id, "schema": entity.schema, "programs": entity.programs,
            "new_entity": entity_id not in seen_before, "hits": len(group),
            "best_score": max(h.score for h in group), "views": [hit_view(h) for h in group[:10]],
        })
    digest.groups.sort(key=lambda g: (not g["new_entity"], -g["hits"], -g["best_score"]))
    digest.by_source = dict(Counter(h.entity.source for h in hits).most_common())
    digest.by_feed = dict(Counter(h.article.feed.name or h.article.feed.url for h in hits).most_common())
    digest.failing_feeds = [
        {"name": f.name, "url": f.url, "error": f.last_error, "failures": f.consecutive_failures}
        for f in session.scalars(select(Feed).where(Feed.consecutive_failures > 0).order_by(Feed.id))
    ]
    for source in session.scalars(select(WatchlistSource).order_by(WatchlistSource.name)):
        version = session.get(WatchlistVersion, source.current_version_id) if source.current_version_id else None
        if version:
            digest.versions.append({"source": source.name, "version": version.number,
                                    "imported_at": version.imported_at.isoformat(timespec="minutes"),
                                    "entities": version.entities})
    first = day - dt.timedelta(days=CHART_DAYS - 1)
    counts = Counter()
    rows = session.execute(select(Hit.created_at).where(Hit.created_at >= _day_bounds(first)[0], Hit.created_at < end))
    for (created,) in rows:
        counts[created.date()] += 1
    digest.per_day = [(first + dt.timedelta(days=i), counts.get(first + dt.timedelta(days=i), 0))
                      for i in range(CHART_DAYS)]
    return digest


def chart_png(digest: Digest) -> bytes:
    """Hits per day over the last 30 days, as a small PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 2.4), dpi=100)
    ax = fig.add_subplot()
    days = [d for d, _n in digest.per_day]
    ax.bar(days, [n for _d, n in digest.per_day], color=["#c0392b" if d == digest.day else "#5d6d7e" for d in days])
    ax.set_title(f"Hits per day, {days[0]:%d %b} - {days[-1]:%d %b %Y}", fontsize=10)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def render_digest_html(digest: Digest, chart_src: str) -> str:
    return _env.get_template("digest.html.j2").render(d=digest, chart_src=chart_src)


def render_digest_text(digest: Digest) -> str:
    return _env.get_template("digest.txt.j2").render(d=digest)


def digest_file_html(digest: Digest) -> str:
    """A standalone HTML file: the chart inline as a data URI."""
    png = chart_png(digest)
    return render_digest_html(digest, "data:image/png;base64," + base64.b64encode(png).decode())


def digest_email(digest: Digest, sender: str, recipients: list[str]) -> EmailMessage:
    """The digest as email: text, HTML, and the chart as an inline part by Content-ID."""
    png = chart_png(digest)
    cid = make_msgid(domain="monitor.local")
    msg = EmailMessage()
    msg["Subject"] = one_line(f"[monitor] Daily digest {digest.day.isoformat()}: {digest.total} hit(s), "
                              f"{len(digest.groups)} entit{'y' if len(digest.groups) == 1 else 'ies'}")
    msg["From"] = one_line(sender)
    msg["To"] = ", ".join(one_line(r) for r in recipients)
    msg["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    msg["Message-ID"] = f"<monitor.digest-{digest.day.isoformat()}@monitor.local>"
    msg.set_content(render_digest_text(digest))
    msg.add_alternative(render_digest_html(digest, "cid:" + cid[1:-1]), subtype="html")
    msg.get_payload()[1].add_related(png, maintype="image", subtype="png", cid=cid, filename="hits-per-day.png")
    return msg


def count_hits_on(session: Session, day: dt.date) -> int:
    start, end = _day_bounds(day)
    return session.scalar(select(func.count(Hit.id)).where(Hit.created_at >= start, Hit.created_at < end)) or 0
