"""Use cases on alerts: list what the caller may see, acknowledge, resolve."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client_row, visible_clients
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict
from nutriplat.monitoring.case_updates import update_cases
from nutriplat.monitoring.models import Alert
from nutriplat.monitoring.policy import POLICY
from nutriplat.pagination import page_of

RESOURCE = "alert"
# What each action may start from.
TRANSITIONS = {"acknowledge": ("open",), "resolve": ("open", "acknowledged")}


def _visible(session: Session, actor: Actor) -> Select[Alert]:
    clients = visible_clients(session, actor).with_only_columns(Client.id)
    return select(Alert).where(Alert.client_id.in_(clients))


def list_alerts(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
                page_size: int) -> tuple[list[Alert], int]:
    POLICY.check(actor, "list_alerts")
    with uow:
        stmt = _visible(uow.session, actor)
        statuses = filters.get("status") or ["open", "acknowledged"]
        stmt = stmt.where(Alert.status.in_(statuses))
        for column, key in ((Alert.severity, "severity"), (Alert.rule, "rule"),
                            (Alert.client_id, "client_id")):
            if filters.get(key) is not None:
                stmt = stmt.where(column == filters[key])
        if filters.get("mine"):
            stmt = stmt.where(Alert.dietitian_id == actor.user_id)
        alerts, total = page_of(uow.session, stmt.order_by(Alert.last_detected_on.desc(), Alert.id.desc()),
                                page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE, {(a.client_id, a.organisation_id) for a in alerts})
        uow.commit()
        return alerts, total


def get_alert(uow: UnitOfWork, actor: Actor, alert_id: int) -> Alert:
    POLICY.check(actor, "get_alert")
    with uow:
        alert, _ = load_client_row(uow.session, actor, Alert, alert_id, "alert")
        audit.record(uow.session, actor, "read", RESOURCE, alert.id, alert.client_id,
                     organisation_id=alert.organisation_id)
        uow.commit()
        return alert


def act(uow: UnitOfWork, actor: Actor, alert_id: int, action: str, note: str | None) -> Alert:
    """Acknowledge (someone is on it) or resolve (dealt with); a resolved alert is closed
    for good, and the same rule raises a new one only on evidence after the resolution."""
    POLICY.check(actor, action)
    with uow:
        alert, client = load_client_row(uow.session, actor, Alert, alert_id, "alert")
        if alert.status not in TRANSITIONS[action]:
            raise Conflict(f"An alert that is '{alert.status}' cannot be {action}d.",
                           {"status": [f"Allowed from: {', '.join(TRANSITIONS[action])}."]})
        now = utcnow()
        if action == "acknowledge":
            alert.status, alert.acknowledged_at, alert.acknowledged_by = "acknowledged", now, actor.user_id
        else:
            alert.status, alert.resolved_at, alert.resolved_by = "resolved", now, actor.user_id
            alert.resolved_on, alert.open_key = business_today(), None
        alert.note = note if note is not None else alert.note
        if action == "resolve":
            update_cases(uow.session, [client], business_today())  # the case loses this signal
        audit.record(uow.session, actor, action, RESOURCE, alert.id, alert.client_id,
                     organisation_id=alert.organisation_id)
        uow.commit()
        return alert

