"""Writing and reading the audit log. Writes join the caller's transaction, so an
access is logged exactly when its effect (or read) happens."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuditEntry
from nutriplat.auth.policy import POLICY
from nutriplat.db import add_surviving


def record(
    session: Session,
    actor: Actor,
    action: str,
    resource: str,
    resource_id: object = None,
    client_id: int | None = None,
    detail: dict[str, Any] | None = None,
    organisation_id: int | None = None,
) -> None:
    """``organisation_id`` is the organisation that holds the data (the client's
    provider); it defaults to the caller's, and decides which admin sees the entry."""
    session.add(_entry(actor, action, resource, resource_id, client_id, detail, organisation_id))


def record_surviving(
    session: Session, actor: Actor, action: str, resource: str, resource_id: object = None,
    detail: dict[str, Any] | None = None, organisation_id: int | None = None,
) -> None:
    """As ``record``, but written even when the transaction is rolled back: the log of a
    refused command (whose own writes are undone) outlives it."""
    add_surviving(session, _entry(actor, action, resource, resource_id, None, detail, organisation_id))


def record_refusal(
    session: Session, actor: Actor, resource: str, resource_id: object, status: int,
    scope: str, organisation_id: int | None,
) -> None:
    """A refused read or write of person data (404 or 403), written even though the
    request fails. ``organisation_id`` is the data's holder, or None when nothing
    with that id exists: the entry goes to that organisation's admin and the platform
    admin, never to the caller's side, so the log tells the caller nothing new."""
    entry = _entry(actor, "refuse", resource, str(resource_id)[:40], None,
                   {"status": status, "scope": scope}, None)
    entry.organisation_id = organisation_id
    add_surviving(session, entry)


def record_reads(
    session: Session, actor: Actor, resource: str, clients: Iterable[tuple[int, int]]
) -> None:
    """A list of people is a read of each of them: ``clients`` holds
    (client id, organisation id) pairs."""
    record_all(session, actor, "list", resource, ((cid, cid, org) for cid, org in clients))


def record_all(
    session: Session, actor: Actor, action: str, resource: str,
    records: Iterable[tuple[object, int | None, int | None]],
) -> None:
    """One entry per (resource id, client id, organisation id) - a page of a list - in one
    INSERT (an executemany), not one per row: a page of 100 costs the statements of 2."""
    rows = [_values(actor, action, resource, rid, cid, None, org) for rid, cid, org in records]
    if rows:
        session.execute(insert(AuditEntry), rows)


def _entry(actor: Actor, action: str, resource: str, resource_id: object,
           client_id: int | None, detail: dict[str, Any] | None,
           organisation_id: int | None) -> AuditEntry:
    return AuditEntry(**_values(actor, action, resource, resource_id, client_id, detail, organisation_id))


def _values(actor: Actor, action: str, resource: str, resource_id: object,
            client_id: int | None, detail: dict[str, Any] | None,
            organisation_id: int | None) -> dict[str, Any]:
    return {
        "user_id": actor.user_id,
        "username": actor.username,
        "role": actor.role,
        "organisation_id": organisation_id if organisation_id is not None else actor.organisation_id,
        "action": action,
        "resource": resource,
        "resource_id": None if resource_id is None else str(resource_id),
        "client_id": client_id,
        "ip": actor.ip,
        "purpose": actor.purpose,
        "detail": detail,
    }


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None
    client_id: int | None = None
    action: str | None = None
    resource: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def query(actor: Actor, f: AuditFilter) -> Select[AuditEntry]:
    POLICY.check(actor, "read_audit_log")
    stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if not actor.is_platform_admin:
        # An organisation's admin sees accesses to its own data and by its own people.
        stmt = stmt.where(AuditEntry.organisation_id == actor.organisation_id)
    for column, value in (
        (AuditEntry.user_id, f.user_id), (AuditEntry.client_id, f.client_id),
        (AuditEntry.action, f.action), (AuditEntry.resource, f.resource),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if f.since is not None:
        stmt = stmt.where(AuditEntry.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(AuditEntry.at < f.until)
    return stmt
