"""A client's delivery window and service time; 09:00-17:00 and 5 minutes when none is
set. Where and when a person is at home is personal data: audited."""
from __future__ import annotations

from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import ClientWindow
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.vocabulary import DEFAULT_SERVICE_MINUTES, DEFAULT_WINDOW
from nutriplat.errors import ErrorCollector

RESOURCE = "delivery_window"


def window_view(client_id: int, row: ClientWindow | None) -> dict[str, Any]:
    if row is None:
        return {"client_id": client_id, "starts_at": DEFAULT_WINDOW[0], "ends_at": DEFAULT_WINDOW[1],
                "service_minutes": DEFAULT_SERVICE_MINUTES, "is_default": True}
    return {"client_id": client_id, "starts_at": row.starts_at, "ends_at": row.ends_at,
            "service_minutes": row.service_minutes, "is_default": False}


def get_window(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_window")
    with uow:
        client = load_client(uow.session, actor, client_id)
        audit.record(uow.session, actor, "read", RESOURCE, client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return window_view(client.id, uow.session.get(ClientWindow, client.id))


def put_window(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "put_window")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        errors = ErrorCollector()
        if data["starts_at"] >= data["ends_at"]:
            errors.add("ends_at", "Must be after starts_at.")
        errors.raise_if_any()
        row = session.get(ClientWindow, client.id) or ClientWindow(client_id=client.id)
        row.starts_at, row.ends_at = data["starts_at"], data["ends_at"]
        row.service_minutes = data.get("service_minutes", DEFAULT_SERVICE_MINUTES)
        row.updated_by = actor.user_id
        session.add(row)
        audit.record(session, actor, "update", RESOURCE, client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return window_view(client.id, row)
