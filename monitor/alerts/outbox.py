"""The outbox: an alert row is written in the same transaction as its hit, sent later."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.db import Alert, Hit


def message_id_for(hit: Hit) -> str:
    """A Message-ID fixed by the hit, so a resend after a crash is recognisable as the same mail."""
    seed = f"{hit.article_id}:{hit.entity_id}:{hit.start}:{hit.end}".encode()
    return f"<monitor.hit-{hit.id}.{hashlib.sha256(seed).hexdigest()[:16]}@monitor.local>"


def queue_alert(session: Session, hit: Hit, recipients: list[str], mode: str = "hit") -> Alert:
    """Queue the alert of a new hit, in the caller's transaction (the hit's own).

    `kind` is the delivery mode: "hit" (an email of its own) or "cycle" (batched with the
    other alerts due for the same recipients).
    """
    alert = Alert(hit_id=hit.id, kind=mode, message_id=message_id_for(hit), recipients=list(recipients))
    session.add(alert)
    return alert


def queued_count(session: Session) -> int:
    return session.scalar(select(func.count(Alert.id)).where(Alert.status == "queued")) or 0
