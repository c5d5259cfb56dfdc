"""Alerts: the outbox, email rendering and delivery, the daily digest."""

from monitor.alerts.outbox import queue_alert, queued_count

__all__ = ["queue_alert", "queued_count"]
