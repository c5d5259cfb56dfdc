"""Storage: SQLAlchemy models, engine and session handling, Alembic migrations."""

from monitor.db.models import (
    Alert,
    Article,
    AuditLog,
    Base,
    Entity,
    EntityChange,
    EntityName,
    Feed,
    Hit,
    Suppression,
    User,
    WatchlistSource,
    WatchlistVersion,
)
from monitor.db.session import Database

__all__ = [
    "Alert",
    "Article",
    "AuditLog",
    "Base",
    "Database",
    "Entity",
    "EntityChange",
    "EntityName",
    "Feed",
    "Hit",
    "Suppression",
    "User",
    "WatchlistSource",
    "WatchlistVersion",
]
