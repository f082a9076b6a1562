"""Use cases: the dietitian assigns an item to a client or to one of their caregivers,
rules assign one on a screening or a texture change, and a caregiver marks an item read
(the first reading is the receipt). Reads and writes are audited (person data)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.clock import business_today, now
from nutriplat.content import library
from nutriplat.content.models import ContentAssignment, ContentItem
from nutriplat.content.policy import POLICY
from nutriplat.content.vocabulary import DEFAULT_LANGUAGE
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, NotFound

RESOURCE = "content_assignment"


def assign(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> ContentAssignment:
    POLICY.check(actor, "assign_content")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, "record")
        errors = ErrorCollector()
        item = session.get(ContentItem, data["content_item_id"])
        if item is None or item.organisation_id != client.organisation_id:
            errors.add("content_item_id", "No such item in the library.")
        caregiver_id = data.get("caregiver_id")
        if caregiver_id is not None and not _mandated(session, client.id, caregiver_id):
            errors.add("caregiver_id", "Not a caregiver the client has mandated.")
        errors.raise_if_any()
        if _already(session, client.id, data["content_item_id"], caregiver_id):
            raise Conflict("This item is already assigned to them.", {"content_item_id": ["Already assigned."]})
        assignment = ContentAssignment(
            organisation_id=client.organisation_id, client_id=client.id, content_item_id=data["content_item_id"],
            caregiver_id=caregiver_id, assigned_by=actor.user_id, note=data.get("note"),
            assigned_on=business_today())
        session.add(assignment)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, assignment.id, client.id,
                     organisation_id=client.organisation_id)
        _shown(session, assignment)
        uow.commit()
        return assignment


def list_assignments(uow: UnitOfWork, actor: Actor, client_id: int) -> list[ContentAssignment]:
    POLICY.check(actor, "list_content_assignments")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, "view")
        stmt = select(ContentAssignment).where(ContentAssignment.client_id == client.id)
        if actor.role == roles.CAREGIVER:
            stmt = stmt.where(or_(ContentAssignment.caregiver_id.is_(None),
                                  ContentAssignment.caregiver_id == actor.user_id))
        elif actor.role == roles.CLIENT:  # what was given to the client, not to their caregivers
            stmt = stmt.where(ContentAssignment.caregiver_id.is_(None))
        found = list(session.scalars(stmt.order_by(ContentAssignment.assigned_at.desc(),
                                                   ContentAssignment.id.desc())))
        audit.record(session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        shown = [_shown(session, a) for a in found]
        uow.commit()
        return shown


def mark_read(uow: UnitOfWork, actor: Actor, client_id: int, assignment_id: int) -> ContentAssignment:
    POLICY.check(actor, "mark_content_read")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, "view")
        assignment = session.get(ContentAssignment, assignment_id)
        mine = (None,) if actor.role == roles.CLIENT else (None, actor.user_id)
        if assignment is None or assignment.client_id != client.id or assignment.caregiver_id not in mine:
            raise NotFound(f"No content assignment {assignment_id}.")
        if assignment.read_at is None:  # the first reading is the receipt; reading again changes nothing
            assignment.read_at, assignment.read_by = now(), actor.user_id
            audit.record(session, actor, "read", RESOURCE, assignment.id, client.id,
                         organisation_id=client.organisation_id)
        _shown(session, assignment)
        uow.commit()
        return assignment


def assign_by_rule(session: Session, client_id: int, key: str, rule: str, on: date) -> ContentAssignment | None:
    """In the producer's transaction: the library's item ``key`` for the client, once (a
    rule that fires again, or an item the dietitian gave already, adds nothing). Nothing
    when the library has no such item."""
    client = session.get_one(Client, client_id)
    item = library.by_key(session, client.organisation_id, key, DEFAULT_LANGUAGE)
    if item is None or _already(session, client.id, item.id, None):
        return None
    assignment = ContentAssignment(organisation_id=client.organisation_id, client_id=client.id,
                                   content_item_id=item.id, rule=rule, assigned_on=on)
    session.add(assignment)
    return assignment


def _already(session: Session, client_id: int, item_id: int, caregiver_id: int | None) -> bool:
    holder = (ContentAssignment.caregiver_id.is_(None) if caregiver_id is None
              else ContentAssignment.caregiver_id == caregiver_id)
    return session.scalar(select(ContentAssignment.id).where(
        ContentAssignment.client_id == client_id, ContentAssignment.content_item_id == item_id, holder)
        .limit(1)) is not None


def _mandated(session: Session, client_id: int, caregiver_id: int) -> bool:
    return session.scalar(select(CaregiverMandate.id).where(
        CaregiverMandate.client_id == client_id, CaregiverMandate.caregiver_id == caregiver_id,
        CaregiverMandate.withdrawn_at.is_(None)).limit(1)) is not None


def _shown(session: Session, assignment: ContentAssignment) -> ContentAssignment:
    """The assignment with its item, for the response (read while the session is open)."""
    assignment.item = session.get(ContentItem, assignment.content_item_id)  # type: ignore[attr-defined]
    return assignment
