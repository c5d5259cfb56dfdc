"""Review desk accounts: passwords hashed with argon2id (argon2-cffi), roles, disabling."""

from __future__ import annotations

import datetime as dt
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import AuditLog, User
from monitor.exc import MonitorError, NotFoundError

ROLES = ("analyst", "admin")
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verifying against this keeps the time of a login for an unknown user like a known one's.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def add_user(session: Session, name: str, password: str, role: str = "analyst", actor: str = "cli") -> User:
    name = name.strip()
    if not name:
        raise MonitorError("a user needs a name")
    if role not in ROLES:
        raise MonitorError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise MonitorError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise MonitorError(f"user {name!r} exists")
    user = User(name=name, password_hash=_hasher.hash(password), role=role)
    session.add(user)
    session.flush()
    session.add(AuditLog(actor=actor, action="user.add", target_type="user", target_id=user.id,
                         details={"name": name, "role": role}))
    return user


def user_row(user: User) -> dict[str, Any]:
    return {"user_id": user.id, "name": user.name, "role": user.role, "disabled": user.disabled,
            "created_at": user.created_at.isoformat(),
            "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None}


def list_users(session: Session) -> list[dict[str, Any]]:
    return [user_row(u) for u in session.scalars(select(User).order_by(User.name))]


def disable_user(session: Session, name: str, actor: str = "cli") -> None:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFoundError(f"no user {name!r}")
    user.disabled = True
    session.add(AuditLog(actor=actor, action="user.disable", target_type="user", target_id=user.id,
                         details={"name": name}))


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user if the password is right and the account enabled, else None (same work either way)."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or user.disabled:
        return None
    user.last_login_at = dt.datetime.now(dt.UTC)
    return user
