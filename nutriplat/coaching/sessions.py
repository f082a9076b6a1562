"""Use cases: the dietitian records a coaching session — held (``held_at``, with its SOAP
notes and the actions agreed) or planned (``planned_for``) — and later records a planned
one as held. Validated whole before anything is written; audited (person data)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_date, business_today, now
from nutriplat.coaching.models import CoachingAction, CoachingSession
from nutriplat.coaching.policy import POLICY
from nutriplat.coaching.vocabulary import SOAP
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, NotFound

RESOURCE = "coaching_session"
MAX_ACTIONS = 20
ACTION_HORIZON_DAYS = 366


def record_session(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CoachingSession:
    POLICY.check(actor, "record_coaching_session")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, "record")
        errors = ErrorCollector()
        held_at, planned_for = data.get("held_at"), data.get("planned_for")
        if held_at is None and planned_for is None:
            errors.add("held_at", "Give held_at for a session held, or planned_for for one planned.")
        if held_at is not None and planned_for is not None:
            errors.add("planned_for", "A session held has no planned_for; give one of the two.")
        if planned_for is not None and planned_for < now() - timedelta(days=1):
            errors.add("planned_for", "A planned session lies ahead.")
        if held_at is None and any(data.get(part) for part in SOAP):
            errors.add("subjective", "Notes belong to a session held; record it as held first.")
        _check_actions(errors, data.get("actions") or [], held_at)
        errors.raise_if_any()
        coaching = CoachingSession(
            organisation_id=client.organisation_id, client_id=client.id, mode=data["mode"],
            status="planned" if held_at is None else "held", planned_for=planned_for, coach_id=actor.user_id)
        session.add(coaching)
        _hold(coaching, data, held_at)
        return _done(uow, actor, client, coaching, "create")


def hold(uow: UnitOfWork, actor: Actor, client_id: int, session_id: int, data: dict[str, Any]) -> CoachingSession:
    """A planned session took place: its time, notes and actions."""
    POLICY.check(actor, "hold_coaching_session")
    with uow:
        client = load_client(uow.session, actor, client_id, "record")
        coaching = _session(uow.session, client, session_id)
        if coaching.status == "held":
            raise Conflict("This session was recorded as held already.", {"held_at": ["Already held."]})
        errors = ErrorCollector()
        if data.get("held_at") is None:
            errors.add("held_at", "Missing data for required field.")
        _check_actions(errors, data.get("actions") or [], data.get("held_at"))
        errors.raise_if_any()
        coaching.status, coaching.mode = "held", data.get("mode") or coaching.mode
        _hold(coaching, data, data["held_at"])
        return _done(uow, actor, client, coaching, "hold")


def list_sessions(uow: UnitOfWork, actor: Actor, client_id: int) -> list[CoachingSession]:
    POLICY.check(actor, "list_coaching_sessions")
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        found = list(uow.session.scalars(select(CoachingSession).where(CoachingSession.client_id == client.id)
                                         .order_by(CoachingSession.created_at.desc(), CoachingSession.id.desc())))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return found


def _check_actions(errors: ErrorCollector, actions: list[dict[str, Any]], held_at: datetime | None) -> None:
    if len(actions) > MAX_ACTIONS:
        errors.add("actions", f"At most {MAX_ACTIONS} actions per session.")
    if actions and held_at is None:
        errors.add("actions", "Actions are agreed in a session held.")
    day = business_date(held_at) if held_at is not None else business_today()
    for i, action in enumerate(actions):
        if not day <= action["due_on"] <= day + timedelta(days=ACTION_HORIZON_DAYS):
            errors.add(f"actions.{i}.due_on", "Due on the session's day or within a year after it.")
    if held_at is not None and held_at > now() + timedelta(minutes=5):
        errors.add("held_at", "A session held is not in the future; plan it with planned_for.")


def _hold(coaching: CoachingSession, data: dict[str, Any], held_at: datetime | None) -> None:
    if held_at is None:
        return
    coaching.held_at, coaching.held_on = held_at, business_date(held_at)
    for part in SOAP:
        setattr(coaching, part, data.get(part))
    coaching.actions.extend(CoachingAction(client_id=coaching.client_id, text=a["text"], owner=a["owner"],
                                           due_on=a["due_on"]) for a in data.get("actions") or [])


def _session(session: Session, client: Client, session_id: int) -> CoachingSession:
    coaching = session.get(CoachingSession, session_id)
    if coaching is None or coaching.client_id != client.id:
        raise NotFound(f"No coaching session {session_id}.")
    return coaching


def _done(uow: UnitOfWork, actor: Actor, client: Client, coaching: CoachingSession,
          action: str) -> CoachingSession:
    uow.session.flush()
    audit.record(uow.session, actor, action, RESOURCE, coaching.id, client.id,
                 detail={"status": coaching.status, "actions": len(coaching.actions)},
                 organisation_id=client.organisation_id)
    uow.commit()
    return coaching
