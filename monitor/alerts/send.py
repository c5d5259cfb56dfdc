"""Deliver due alerts over SMTP, keeping every failure in the outbox for a later attempt.

Order of operations, chosen so no alert is lost and none is sent twice knowingly:
1. the alert is marked `sending` (attempt counted) and committed;
2. the email is sent, with a Message-ID fixed by the alert;
3. the alert is marked `sent` and committed.
A failure in 2 puts it back to `queued` with the error and the next attempt time
(exponential back-off), or `failed` after `alerts.max_attempts`. A crash between 2 and 3
leaves it `sending`: the next run sends it again with the same Message-ID, which mail
systems and clients use to show it once.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from monitor.alerts.render import render_alert
from monitor.config import Settings, SmtpSettings
from monitor.db import Alert, Database, Hit

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 6 * 3600.0
MAX_BATCH = 100  # hits per email in per-cycle mode


@dataclass
class DeliveryReport:
    sent: int = 0  # alerts delivered
    emails: int = 0  # emails sent (a batch holds several alerts)
    deferred: int = 0  # failed this time, queued for another attempt
    failed: int = 0  # failed for good (max attempts reached)
    skipped: str = ""  # why nothing was tried, if so
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"sent": self.sent, "emails": self.emails, "deferred": self.deferred,
                "failed": self.failed, "skipped": self.skipped, "errors": self.errors}


@contextmanager
def smtp_connection(cfg: SmtpSettings) -> Iterator[smtplib.SMTP]:
    """An open, authenticated SMTP session per the settings (the password is never logged)."""
    context = ssl.create_default_context()
    if cfg.tls == "ssl":
        conn: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
    else:
        conn = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
    try:
        conn.ehlo()
        if cfg.tls == "starttls":
            conn.starttls(context=context)
            conn.ehlo()
        if cfg.username:
            conn.login(cfg.username, cfg.password)
        yield conn
    finally:
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            conn.close()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        msg = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"SMTP {exc.smtp_code} {msg}".strip()
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "recipients refused: " + ", ".join(f"{r} ({c})" for r, (c, _m) in exc.recipients.items())
    return f"{type(exc).__name__}: {exc}"


def _batches(alerts: list[Alert]) -> list[list[Alert]]:
    """Per-hit alerts go alone; per-cycle alerts go together per recipient list."""
    out: list[list[Alert]] = []
    grouped: dict[tuple[str, ...], list[Alert]] = defaultdict(list)
    for alert in alerts:
        if alert.kind == "cycle":
            grouped[tuple(sorted(alert.recipients))].append(alert)
        else:
            out.append([alert])
    for group in grouped.values():  # a readable email holds a bounded number of hits
        out.extend(group[i : i + MAX_BATCH] for i in range(0, len(group), MAX_BATCH))
    return out


def deliver_due(db: Database, settings: Settings, now: dt.datetime | None = None,
                limit: int = 10_000, alert_ids: list[int] | None = None) -> DeliveryReport:
    """Send the alerts that are due (or the given ones); see the module doc for the order."""
    report = DeliveryReport()
    now = now or dt.datetime.now(dt.UTC)
    if not settings.smtp.host:
        report.skipped = "no SMTP host configured (set MONITOR_SMTP_HOST): alerts stay queued"
        return report
    with db.session() as session:
        query = (
            select(Alert.id)
            .where(or_(Alert.status == "sending", Alert.status == "queued"))
            .order_by(Alert.id)
            .limit(limit)
        )
        if alert_ids is None:
            query = query.where(Alert.next_attempt_at <= now)
        else:
            query = query.where(Alert.id.in_(alert_ids))
        due_ids = list(session.scalars(query))
    if not due_ids:
        return report
    without_recipients: list[int] = []
    try:
        with smtp_connection(settings.smtp) as conn:
            for batch_ids in _plan(db, due_ids, without_recipients, list(settings.alerts.to)):
                _send_batch(db, settings, conn, batch_ids, now, report)
    except (smtplib.SMTPException, OSError) as exc:
        # Could not connect or log in: nothing of the remaining batch list was sent.
        error = _describe(exc)
        log.warning("SMTP %s:%d unavailable: %s", settings.smtp.host, settings.smtp.port, error)
        report.errors.append(error)
        with db.session() as session:
            pending = select(Alert).where(Alert.id.in_(due_ids), Alert.status.in_(("queued", "sending")))
            for alert in session.scalars(pending):
                if alert.status == "queued" and alert.next_attempt_at > now:
                    continue  # already deferred by the failed send itself
                _defer(alert, settings, now, error, report, count_attempt=alert.status != "sending")
    if without_recipients:
        log.warning("%d alerts have no recipients (set MONITOR_ALERT_TO or alerts.rules)", len(without_recipients))
    return report


def _plan(db: Database, due_ids: list[int], without_recipients: list[int],
          default_to: list[str]) -> list[list[int]]:
    with db.session() as session:
        alerts = list(session.scalars(select(Alert).where(Alert.id.in_(due_ids)).order_by(Alert.id)))
        ready = []
        for alert in alerts:
            if not alert.recipients and default_to:
                # Queued before any recipient was configured: today's default list gets it.
                alert.recipients = list(default_to)
            if alert.recipients:
                ready.append(alert)
            else:
                without_recipients.append(alert.id)
        return [[a.id for a in batch] for batch in _batches(ready)]


def _send_batch(db: Database, settings: Settings, conn: smtplib.SMTP, batch_ids: list[int],
                now: dt.datetime, report: DeliveryReport) -> None:
    with db.session() as session:  # 1. mark sending, count the attempt
        alerts = list(session.scalars(select(Alert).where(Alert.id.in_(batch_ids)).order_by(Alert.id)))
        for alert in alerts:
            alert.status = "sending"
            alert.attempts += 1
    with db.session() as session:
        alerts = list(session.scalars(
            select(Alert).where(Alert.id.in_(batch_ids)).order_by(Alert.id)
            .options(selectinload(Alert.hit).selectinload(Hit.article), selectinload(Alert.hit).selectinload(Hit.entity))
        ))
        message = render_alert(alerts, settings.alerts.from_, now)
        recipients = sorted({r for a in alerts for r in a.recipients})
        try:  # 2. send
            refused = conn.send_message(message, from_addr=settings.alerts.from_, to_addrs=recipients)
        except (smtplib.SMTPException, OSError) as exc:
            error = _describe(exc)
            log.warning("alert(s) %s not sent: %s", batch_ids, error)
            report.errors.append(error)
            for alert in alerts:
                _defer(alert, settings, now, error, report, count_attempt=False)
            gone = isinstance(exc, smtplib.SMTPServerDisconnected) or not isinstance(exc, smtplib.SMTPException)
            if gone:  # (SMTPException is an OSError too: a reply like 451 keeps the session)
                raise  # the connection is gone: the rest wait for the next run
            return
        for alert in alerts:  # 3. mark sent
            alert.status = "sent"
            alert.sent_at = now
            alert.last_error = f"refused by server for: {', '.join(refused)}" if refused else None
        report.sent += len(alerts)
        report.emails += 1
        log.info("alert email sent: %s to %d recipient(s), %d hit(s)", message["Message-ID"],
                 len(recipients), len(alerts))


def _defer(alert: Alert, settings: Settings, now: dt.datetime, error: str, report: DeliveryReport,
           count_attempt: bool) -> None:
    if count_attempt:
        alert.attempts += 1
    alert.last_error = error[:2000]
    if alert.attempts >= settings.alerts.max_attempts:
        alert.status = "failed"
        report.failed += 1
    else:
        alert.status = "queued"
        delay = min(MAX_BACKOFF_S, settings.alerts.backoff_base * 2 ** max(0, alert.attempts - 1))
        alert.next_attempt_at = now + dt.timedelta(seconds=delay)
        report.deferred += 1


def send_digest(db: Database, settings: Settings, day: dt.date) -> dict[str, Any]:
    """Build and email the digest of `day` to the default recipients (sent even when empty)."""
    from monitor.alerts.digest import build_digest, digest_email
    from monitor.exc import AlertError

    if not settings.smtp.host:
        raise AlertError("no SMTP host configured (set MONITOR_SMTP_HOST) to send the digest")
    recipients = list(settings.alerts.to) or sorted({r for rule in settings.alerts.rules for r in rule.to})
    if not recipients:
        raise AlertError("no recipients for the digest (set MONITOR_ALERT_TO)")
    with db.session() as session:
        digest = build_digest(session, day)
        message = digest_email(digest, settings.alerts.from_, recipients)
    try:
        with smtp_connection(settings.smtp) as conn:
            conn.send_message(message, from_addr=settings.alerts.from_, to_addrs=recipients)
    except (smtplib.SMTPException, OSError) as exc:
        raise AlertError(f"digest not sent: {_describe(exc)}") from None
    log.info("digest for %s sent to %d recipient(s): %d hit(s)", day, len(recipients), digest.total)
    return {"date": day.isoformat(), "sent_to": recipients, "hits": digest.total}
