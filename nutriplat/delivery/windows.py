"""A client's delivery window and service time; 09:00-17:00 and 5 minutes when none is
set; a weekday may have a window of its own (``ClientWeekdayWindow``), which route
planning uses on that weekday. Where and when a person is at home is personal data: audited."""
from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import ClientWeekdayWindow, ClientWindow
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.vocabulary import DEFAULT_SERVICE_MINUTES, DEFAULT_WINDOW
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.domain.schedule import WEEKDAYS

RESOURCE = "delivery_window"


def window_view(session: Session, client_id: int, row: ClientWindow | None) -> dict[str, Any]:
    weekdays = [{"weekday": w.weekday, "starts_at": w.starts_at, "ends_at": w.ends_at}
                for w in sorted(weekday_windows(session, {client_id}).get(client_id, {}).values(),
                                key=lambda w: WEEKDAYS.index(w.weekday))]
    if row is None:
        return {"client_id": client_id, "starts_at": DEFAULT_WINDOW[0], "ends_at": DEFAULT_WINDOW[1],
                "service_minutes": DEFAULT_SERVICE_MINUTES, "weekdays": weekdays, "is_default": not weekdays}
    return {"client_id": client_id, "starts_at": row.starts_at, "ends_at": row.ends_at,
            "service_minutes": row.service_minutes, "weekdays": weekdays, "is_default": False}


def weekday_windows(session: Session, client_ids: set[int]) -> dict[int, dict[str, ClientWeekdayWindow]]:
    """Per client, their windows of single weekdays ("mon" …)."""
    found: dict[int, dict[str, ClientWeekdayWindow]] = {}
    for row in session.scalars(select(ClientWeekdayWindow).where(ClientWeekdayWindow.client_id.in_(client_ids))):
        found.setdefault(row.client_id, {})[row.weekday] = row
    return found


def window_on(day: date, row: ClientWindow | None, weekdays: dict[str, ClientWeekdayWindow]) -> tuple[time, time]:
    """The client's window on ``day``: that weekday's own, else every day's, else the default."""
    own = weekdays.get(WEEKDAYS[day.weekday()])
    if own is not None:
        return own.starts_at, own.ends_at
    return (row.starts_at, row.ends_at) if row else DEFAULT_WINDOW


def get_window(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_window")
    with uow:
        client = load_client(uow.session, actor, client_id)
        audit.record(uow.session, actor, "read", RESOURCE, client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return window_view(uow.session, client.id, uow.session.get(ClientWindow, client.id))


def put_window(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "put_window")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        errors = ErrorCollector()
        if data["starts_at"] >= data["ends_at"]:
            errors.add("ends_at", "Must be after starts_at.")
        for n, own in enumerate(data.get("weekdays") or []):
            if own["starts_at"] >= own["ends_at"]:
                errors.add(f"weekdays.{n}.ends_at", "Must be after starts_at.")
        named = [own["weekday"] for own in data.get("weekdays") or []]
        if len(set(named)) < len(named):
            errors.add("weekdays", "One window a weekday.")
        errors.raise_if_any()
        if "weekdays" in data:
            session.execute(delete(ClientWeekdayWindow).where(ClientWeekdayWindow.client_id == client.id))
            session.add_all(ClientWeekdayWindow(client_id=client.id, **own) for own in data["weekdays"])
        row = session.get(ClientWindow, client.id) or ClientWindow(client_id=client.id)
        row.starts_at, row.ends_at = data["starts_at"], data["ends_at"]
        row.service_minutes = data.get("service_minutes", DEFAULT_SERVICE_MINUTES)
        row.updated_by = actor.user_id
        session.add(row)
        audit.record(session, actor, "update", RESOURCE, client.id, client.id, organisation_id=client.organisation_id)
        session.flush()
        view = window_view(session, client.id, row)
        uow.commit()
        return view
