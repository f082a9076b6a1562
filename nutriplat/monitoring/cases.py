"""Use cases on early-warning cases: the ranked work list, one case with its history,
snooze until a date with a reason, resolve with an outcome (kept as data)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client_row, visible_clients
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, InvalidInput
from nutriplat.monitoring.case_updates import note_change
from nutriplat.monitoring.models import Alert, Case
from nutriplat.monitoring.policy import POLICY
from nutriplat.pagination import page_of

RESOURCE = "case"
OUTCOMES = ("action_taken", "no_action_needed", "false_alarm")
STATUSES = ("open", "snoozed", "resolved")


def shown_status(case: Case, today: date) -> str:
    """A snooze ends on its date: from then on the case is open again."""
    if case.status == "snoozed" and case.snoozed_until is not None and case.snoozed_until <= today:
        return "open"
    return case.status


def _with_status(stmt: Select[Case], status: str, today: date) -> Select[Case]:
    awake = and_(Case.status == "snoozed", Case.snoozed_until <= today)
    if status == "open":
        return stmt.where(or_(Case.status == "open", awake))
    if status == "snoozed":
        return stmt.where(Case.status == "snoozed", Case.snoozed_until > today)
    return stmt.where(Case.status == status)


def _visible(session: Session, actor: Actor) -> Select[Case]:
    clients = visible_clients(session, actor).with_only_columns(Client.id)
    return select(Case).where(Case.client_id.in_(clients))


def list_cases(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
               page_size: int) -> tuple[list[Case], int]:
    """Highest risk first: the top of the list is what should be done today."""
    POLICY.check(actor, "list_cases")
    with uow:
        stmt = _with_status(_visible(uow.session, actor), filters.get("status") or "open", business_today())
        if filters.get("client_id") is not None:
            stmt = stmt.where(Case.client_id == filters["client_id"])
        if filters.get("mine"):
            stmt = stmt.where(Case.dietitian_id == actor.user_id)
        stmt = stmt.order_by(Case.risk_score.desc(), Case.opened_on, Case.id)
        cases, total = page_of(uow.session, stmt, page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE, {(c.client_id, c.organisation_id) for c in cases})
        uow.commit()
        return cases, total


def get_case(uow: UnitOfWork, actor: Actor, case_id: int) -> Case:
    POLICY.check(actor, "get_case")
    with uow:
        case, _ = load_client_row(uow.session, actor, Case, case_id, "case")
        audit.record(uow.session, actor, "read", RESOURCE, case.id, case.client_id,
                     organisation_id=case.organisation_id)
        uow.commit()
        return case


def _current(uow: UnitOfWork, actor: Actor, case_id: int, action: str) -> Case:
    case, _ = load_client_row(uow.session, actor, Case, case_id, "case")
    if case.status == "resolved":
        raise Conflict(f"A case that is 'resolved' cannot be {action}d.",
                       {"status": ["Allowed from: open, snoozed."]})
    return case


def snooze(uow: UnitOfWork, actor: Actor, case_id: int, until: date, reason: str) -> Case:
    """Out of the work list until ``until`` (a later day); it comes back sooner when its
    severity rises."""
    POLICY.check(actor, "snooze_case")
    today = business_today()
    if until <= today:
        raise InvalidInput("A case is snoozed until a later day.", {"until": ["Must be after today."]})
    with uow:
        case = _current(uow, actor, case_id, "snooze")
        case.status, case.snoozed_until, case.snooze_reason = "snoozed", until, reason
        note_change(case, today, "snoozed", f"until {until.isoformat()}: {reason}", actor.user_id)
        audit.record(uow.session, actor, "snooze", RESOURCE, case.id, case.client_id,
                     organisation_id=case.organisation_id)
        uow.commit()
        return case


def resolve(uow: UnitOfWork, actor: Actor, case_id: int, outcome: str, note: str | None) -> Case:
    """Close the case with its outcome; its open alerts are resolved with it, so the rules
    raise a new case only on new evidence."""
    POLICY.check(actor, "resolve_case")
    today, now = business_today(), utcnow()
    with uow:
        case = _current(uow, actor, case_id, "resolve")
        for alert in uow.session.scalars(select(Alert).where(
                Alert.client_id == case.client_id, Alert.status.in_(("open", "acknowledged")))):
            alert.status, alert.resolved_at, alert.resolved_by = "resolved", now, actor.user_id
            alert.resolved_on, alert.open_key = today, None
        case.status, case.open_key, case.snoozed_until = "resolved", None, None
        case.resolved_on, case.resolved_by, case.outcome, case.outcome_note = today, actor.user_id, outcome, note
        note_change(case, today, "resolved", f"{outcome}: {note}" if note else outcome, actor.user_id)
        audit.record(uow.session, actor, "resolve", RESOURCE, case.id, case.client_id,
                     organisation_id=case.organisation_id)
        uow.commit()
        return case
