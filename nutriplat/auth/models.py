"""Organisations, users, bearer tokens, login attempts and the audit log."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    is_active: Mapped[bool] = mapped_column(default=True)
    # The language of the web application for this user (nl-BE unless chosen otherwise).
    locale: Mapped[str] = mapped_column(String(5), default="nl-BE", server_default="nl-BE")
    # A client's own account (role client): their client record, named by table only. The
    # record comes before its account (clients -> wards -> users close a cycle otherwise), so
    # the metadata orders tables without this key (``use_alter``; the schema is migrations').
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", use_alter=True), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")


class AuthToken(Base):
    """Only a SHA-256 digest of the bearer token is stored: a database leak does
    not hand out sessions."""

    __tablename__ = "auth_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    ip: Mapped[str | None] = mapped_column(String(45))

    user: Mapped[User] = relationship(lazy="joined")


class WebSession(Base):
    """A signed-in browser. The cookie holds only a random session id (its digest is
    stored here); the bearer token behind it never leaves the server."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("auth_tokens.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime]
    # The token's lifetime at sign-in; idling shortens the token's expiry, never lengthens it past this.
    ends_at: Mapped[datetime]

    token: Mapped[AuthToken] = relationship(lazy="joined")


class LoginThrottle(Base):
    """One row per client address: a login locks its address's row before counting
    failures and recording its own, so concurrent guesses are counted one by one."""

    __tablename__ = "login_throttles"

    address: Mapped[str] = mapped_column(String(45), primary_key=True)
    touched_at: Mapped[datetime]


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_username_at", "username", "attempted_at"),
                      Index("ix_login_attempts_ip_at", "ip", "attempted_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    ip: Mapped[str | None] = mapped_column(String(45))
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
    succeeded: Mapped[bool]


class AuditEntry(Base):
    """Who did what to which record, when, from where and why. Rows are only ever
    inserted; the username and role are copied so the entry stays readable."""

    __tablename__ = "audit_log"
    # "Who read client X": per monthly partition on PostgreSQL (migration 0030, auth.audit_partitions);
    # the action included, so a lookup filtered by it counts from the index alone (0041).
    __table_args__ = (Index("ix_audit_log_client_at", "client_id", "at", postgresql_include=["action"]),)

    # bigint on PostgreSQL, where its primary key is (id, at); SQLite's rowid stays an INTEGER.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(index=True)
    username: Mapped[str | None] = mapped_column(String(80))
    role: Mapped[str | None] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(20))
    resource: Mapped[str] = mapped_column(String(40))
    resource_id: Mapped[str | None] = mapped_column(String(40))
    client_id: Mapped[int | None]
    ip: Mapped[str | None] = mapped_column(String(45))
    purpose: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[dict[str, Any] | None]
