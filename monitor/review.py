"""The analyst's review: list hits, confirm or dismiss them, suppress false alarms, audit all.

Shared by the CLI and (later) the web desk; every change writes the audit log in the same
transaction as the change itself.
"""

from __future__ import annotations

import datetime as dt
import getpass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from monitor.db import Alert, Article, AuditLog, Entity, Hit, Suppression
from monitor.exc import MonitorError, NotFoundError
from monitor.matching.normalize import normalize_phrase

HIT_STATUSES = ("new", "confirmed", "dismissed")


def default_reviewer(configured: str) -> str:
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def hit_row(hit: Hit) -> dict[str, Any]:
    article, entity = hit.article, hit.entity
    return {
        "hit_id": hit.id,
        "status": hit.status,
        "score": hit.score,
        "entity_id": entity.id,
        "source": entity.source,
        "source_id": entity.source_id,
        "name": entity.name,
        "schema": entity.schema,
        "matched_name": hit.matched_name,
        "text": hit.text,
        "start": hit.start,
        "end": hit.end,
        "article_id": article.id,
        "article_title": article.title,
        "article_url": article.link,
        "feed_id": article.feed_id,
        "created_at": hit.created_at.isoformat(),
    }


def list_hits(session: Session, status: str | None = None, since: dt.datetime | None = None,
              entity: Entity | None = None, limit: int = 100) -> list[dict[str, Any]]:
    query = (select(Hit).options(selectinload(Hit.article), selectinload(Hit.entity))
             .order_by(Hit.created_at.desc(), Hit.id.desc()).limit(limit))
    if status:
        query = query.where(Hit.status == status)
    if since:
        query = query.where(Hit.created_at >= since)
    if entity is not None:
        query = query.where(Hit.entity_id == entity.id)
    return [hit_row(h) for h in session.scalars(query)]


def review_hit(session: Session, hit_id: int, status: str, reviewer: str, note: str = "",
               suppress: bool = False, suppress_feed_only: bool = False) -> dict[str, Any]:
    """Set a hit's status; with `suppress`, add a rule so the phrase does not alert again."""
    if status not in HIT_STATUSES:
        raise MonitorError(f"status must be one of {', '.join(HIT_STATUSES)}")
    hit = session.get(Hit, hit_id)
    if hit is None:
        raise NotFoundError(f"no hit {hit_id}")
    previous = hit.status
    hit.status = status
    session.add(AuditLog(actor=reviewer, action="hit.review", target_type="hit", target_id=hit.id,
                         details={"from": previous, "to": status, "note": note}))
    if status == "dismissed":
        # A false alarm dismissed before its email went out need not go out at all.
        for alert in session.scalars(select(Alert).where(Alert.hit_id == hit.id, Alert.status == "queued")):
            alert.status = "cancelled"
    result = hit_row(hit) | {"previous_status": previous, "note": note}
    if suppress:
        feed_id = hit.article.feed_id if suppress_feed_only else None
        rule = add_suppression(session, hit.entity_id, hit.text, reviewer, note, feed_id)
        result["suppression_id"] = rule.id
    return result


def add_suppression(session: Session, entity_id: int, phrase: str, reviewer: str, note: str = "",
                    feed_id: int | None = None) -> Suppression:
    norm = normalize_phrase(phrase)
    if not norm:
        raise MonitorError("cannot suppress an empty phrase")
    existing = session.scalar(select(Suppression).where(
        Suppression.entity_id == entity_id, Suppression.phrase == norm,
        Suppression.feed_id.is_(None) if feed_id is None else Suppression.feed_id == feed_id))
    if existing is not None:
        return existing
    rule = Suppression(entity_id=entity_id, phrase=norm, feed_id=feed_id, created_by=reviewer, note=note)
    session.add(rule)
    session.flush()
    session.add(AuditLog(actor=reviewer, action="suppression.add", target_type="suppression",
                         target_id=rule.id, details={"entity_id": entity_id, "phrase": norm,
                                                     "feed_id": feed_id, "note": note}))
    return rule


def list_suppressions(session: Session) -> list[dict[str, Any]]:
    rows = []
    query = select(Suppression, Entity).join(Entity, Entity.id == Suppression.entity_id).order_by(Suppression.id)
    for rule, entity in session.execute(query):
        rows.append({"suppression_id": rule.id, "entity_id": entity.id, "source": entity.source,
                     "source_id": entity.source_id, "name": entity.name, "phrase": rule.phrase,
                     "feed_id": rule.feed_id, "created_by": rule.created_by, "note": rule.note,
                     "created_at": rule.created_at.isoformat()})
    return rows


def remove_suppression(session: Session, suppression_id: int, reviewer: str) -> None:
    rule = session.get(Suppression, suppression_id)
    if rule is None:
        raise NotFoundError(f"no suppression {suppression_id}")
    session.add(AuditLog(actor=reviewer, action="suppression.remove", target_type="suppression",
                         target_id=rule.id, details={"entity_id": rule.entity_id, "phrase": rule.phrase,
                                                     "feed_id": rule.feed_id}))
    session.delete(rule)


def list_alerts(session: Session, status: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    query = (select(Alert, Hit, Entity, Article)
             .join(Hit, Hit.id == Alert.hit_id).join(Entity, Entity.id == Hit.entity_id)
             .join(Article, Article.id == Hit.article_id)
             .order_by(Alert.id.desc()).limit(limit))
    if status:
        query = query.where(Alert.status == status)
    return [{"alert_id": a.id, "status": a.status, "mode": a.kind, "hit_id": h.id, "name": e.name,
             "article_title": art.title, "recipients": a.recipients, "attempts": a.attempts,
             "last_error": a.last_error, "next_attempt_at": a.next_attempt_at.isoformat(),
             "sent_at": a.sent_at.isoformat() if a.sent_at else None, "message_id": a.message_id}
            for a, h, e, art in session.execute(query)]


def requeue_alerts(session: Session, alert_ids: list[int] | None, reviewer: str) -> list[int]:
    """Put failed (or the given, unsent) alerts back in the queue, due now."""
    query = select(Alert).where(Alert.status != "sent")
    query = query.where(Alert.id.in_(alert_ids)) if alert_ids else query.where(Alert.status == "failed")
    now = dt.datetime.now(dt.UTC)
    ids = []
    for alert in session.scalars(query):
        alert.status, alert.next_attempt_at, alert.attempts = "queued", now, 0
        ids.append(alert.id)
    if ids:
        session.add(AuditLog(actor=reviewer, action="alert.retry", target_type="alert", target_id=None,
                             details={"alert_ids": ids}))
    return ids


def audit_entries(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    return [{"at": a.at.isoformat(), "actor": a.actor, "action": a.action, "target_type": a.target_type,
             "target_id": a.target_id, "details": a.details}
            for a in session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit))]


def count_hits_by_status(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Hit.status, func.count(Hit.id)).group_by(Hit.status)).all())



