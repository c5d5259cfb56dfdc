"""SQLAlchemy models: watchlists, entities, feeds, articles, hits, the alert outbox, review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


# --- watchlists -------------------------------------------------------------------------


class WatchlistSource(Base):
    """A named list (e.g. `us_ofac_sdn`) and the format its files are read with."""

    __tablename__ = "watchlist_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(32))
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("watchlist_version.id", use_alter=True, ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[WatchlistVersion]] = relationship(
        back_populates="source", foreign_keys="WatchlistVersion.source_id"
    )


class WatchlistVersion(Base):
    """One successful import of a source: its hash, origin and counts."""

    __tablename__ = "watchlist_version"
    __table_args__ = (UniqueConstraint("source_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("watchlist_source.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    entities: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[dict[str, Any]] = mapped_column(default=dict)

    source: Mapped[WatchlistSource] = relationship(
        back_populates="versions", foreign_keys=[source_id]
    )


class Entity(Base):
    """A designated person, organisation, vessel or aircraft as one list states it."""

    __tablename__ = "entity"
    __table_args__ = (UniqueConstraint("source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64), index=True)
    source_id: Mapped[str] = mapped_column(String(128))
    schema: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    programs: Mapped[list[Any]] = mapped_column(default=list)
    countries: Mapped[list[Any]] = mapped_column(default=list)
    birth_dates: Mapped[list[Any]] = mapped_column(default=list)
    remarks: Mapped[str] = mapped_column(Text, default="")
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fingerprint: Mapped[str] = mapped_column(String(64))
    first_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("watchlist_version.id", ondelete="SET NULL")
    )
    changed_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("watchlist_version.id", ondelete="SET NULL")
    )
    delisted_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("watchlist_version.id", ondelete="SET NULL")
    )
    names: Mapped[list[EntityName]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="EntityName.position"
    )

    @property
    def listed(self) -> bool:
        return self.delisted_version_id is None


class EntityName(Base):
    """A name of an entity: its primary name or an alias with the alias kind."""

    __tablename__ = "entity_name"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # primary | aka | fka | nka | weak
    entity: Mapped[Entity] = relationship(back_populates="names")


class EntityChange(Base):
    """What one version did to one entity: added, changed or removed."""

    __tablename__ = "entity_change"
    __table_args__ = (UniqueConstraint("version_id", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("watchlist_version.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"))
    change: Mapped[str] = mapped_column(String(16))  # added | changed | removed
    new_names: Mapped[list[Any]] = mapped_column(default=list)


# --- feeds and articles -----------------------------------------------------------------


class Feed(Base):
    """A news feed to poll: a URL or a local file path, and how its last fetches went."""

    __tablename__ = "feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, default="")
    interval_seconds: Mapped[int] = mapped_column(Integer, default=900)
    full_text: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetched_at: Mapped[dt.datetime | None]
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_warning: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    articles_seen: Mapped[int] = mapped_column(Integer, default=0)
    next_poll_at: Mapped[dt.datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Article(Base):
    """A feed item, stored once per feed under its key (guid, else link, else content hash).

    Hits' offsets point into `text`, which is the title, a blank line, then the body.
    """

    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("feed_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feed.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(512))
    guid: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(16))
    published_at: Mapped[dt.datetime | None]
    fetched_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    feed: Mapped[Feed] = relationship()


# --- hits, alerts, review ---------------------------------------------------------------


class Hit(Base):
    """A listed entity found in an article: the span, the name it matched, score and why."""

    __tablename__ = "hit"
    __table_args__ = (
        UniqueConstraint("article_id", "entity_id", "start", "end"),
        Index("ix_hit_status_created", "status", "created_at"),
        Index("ix_hit_status_id", "status", "id"),  # the review queue: newest first per status
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    matched_name: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    features: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="new")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    article: Mapped[Article] = relationship()
    entity: Mapped[Entity] = relationship()


class Alert(Base):
    """The outbox: one alert per hit, queued with the hit, sent later, never twice."""

    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    hit_id: Mapped[int | None] = mapped_column(
        ForeignKey("hit.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="hit")
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued|sending|sent|failed
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    hit: Mapped[Hit | None] = relationship()


class Suppression(Base):
    """An analyst's rule: this entity under this (normalised) phrase is not to alert again."""

    __tablename__ = "suppression"
    __table_args__ = (UniqueConstraint("entity_id", "phrase", "feed_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"))
    phrase: Mapped[str] = mapped_column(Text)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feed.id", ondelete="CASCADE"))
    created_by: Mapped[str] = mapped_column(String(128), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditLog(Base):
    """Who did what to which object, when, and from which state."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class User(Base):
    """A review desk account: analysts review hits; admins also manage feeds, lists and users."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="analyst")  # analyst | admin
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]
