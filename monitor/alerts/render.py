"""Alert emails rendered from Jinja2 templates: HTML (autoescaped) and plain text.

Article text is untrusted: the HTML templates escape everything, and header values are
flattened to one line, so neither markup nor a CR/LF in a title can inject anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

import jinja2

from monitor.db import Alert, Article, Entity, Hit

CONTEXT_CHARS = 240

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("monitor", "templates"),
    autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=True),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def one_line(value: str, limit: int = 200) -> str:
    """A header-safe value: whitespace (CR and LF included) collapsed, length bounded."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_env.filters["one_line"] = one_line


def official_link(entity: Entity) -> str | None:
    """The list's own page for the entry, where the source has one."""
    if entity.source.startswith("ofac"):
        return f"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={entity.source_id}"
    return None


@dataclass
class HitView:
    """One hit, ready for a template."""

    hit: Hit
    entity: Entity
    article: Article
    before: str
    span: str
    after: str
    link: str | None

    @property
    def reasons(self) -> list[str]:
        f = self.hit.features or {}
        out = [f"mention: {f.get('mention', '?')}"]
        for key in ("support", "ambiguity", "needs_support", "negative_context"):
            if f.get(key):
                out.append(f"{key.replace('_', ' ')}: {f[key]}")
        for tok in f.get("tokens", []):
            out.append(f"'{tok['text']}' ~ '{tok['listed']}' ({tok['role']}, {tok['how']}, {tok['similarity']})")
        return out


def hit_view(hit: Hit) -> HitView:
    text = hit.article.text or ""
    start, end = max(0, hit.start), min(len(text), hit.end)
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS:
        before = "…" + before
    if end + CONTEXT_CHARS < len(text):
        after += "…"
    return HitView(hit, hit.entity, hit.article, before, text[start:end], after, official_link(hit.entity))


def render_alert(alerts: list[Alert], sender: str, now: dt.datetime | None = None) -> EmailMessage:
    """One email for one or more alerts (the same recipients), multipart text + HTML."""
    views = [hit_view(a.hit) for a in alerts if a.hit is not None]
    if not views:
        raise ValueError("no hits to render")
    first = views[0]
    if len(views) == 1:
        subject = (f"[monitor] {first.entity.name} ({first.entity.source} {first.entity.source_id}) "
                   f"in \"{first.article.title}\" - score {first.hit.score:.2f}")
    else:
        names = sorted({v.entity.name for v in views})
        subject = f"[monitor] {len(views)} new hits: " + "; ".join(names[:3]) + ("; …" if len(names) > 3 else "")
    context: dict[str, Any] = {"views": views, "subject": one_line(subject, 250)}
    msg = EmailMessage()
    msg["Subject"] = one_line(subject, 250)
    msg["From"] = one_line(sender)
    msg["To"] = ", ".join(one_line(r) for r in sorted({r for a in alerts for r in a.recipients}))
    msg["Date"] = format_datetime(now or dt.datetime.now(dt.UTC))
    msg["Message-ID"] = alerts[0].message_id if len(alerts) == 1 else batch_message_id(alerts)
    msg["X-Monitor-Alerts"] = ",".join(str(a.id) for a in alerts)
    msg.set_content(_env.get_template("alert.txt.j2").render(context))
    msg.add_alternative(_env.get_template("alert.html.j2").render(context), subtype="html")
    return msg


def batch_message_id(alerts: list[Alert]) -> str:
    """Fixed by the alerts in the batch, so a resend is recognisable as the same mail."""
    import hashlib

    ids = ",".join(str(a.id) for a in sorted(alerts, key=lambda a: a.id))
    return f"<monitor.batch-{hashlib.sha256(ids.encode()).hexdigest()[:20]}@monitor.local>"
