"""Moves between care settings and changes of status, each with a date and reason."""
from __future__ import annotations

from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import CareSettingTransfer, Client, StatusChange
from nutriplat.clients.policy import POLICY
from nutriplat.clients.vocabulary import STATUS_TRANSITIONS
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.events import ClientStatusChanged, ClientTransferred
from nutriplat.facilities.placement import placement


def _not_before_last(errors: ErrorCollector, field: str, new: Any, last: Any) -> None:
    if last is not None and new < last:
        errors.add(field, f"Must not be before the last change ({last.isoformat()}).")


def transfer(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CareSettingTransfer:
    POLICY.check(actor, "transfer")
    with uow:
        client = load_client(uow.session, actor, client_id)
        errors = ErrorCollector()
        ward, room = placement(uow.session, client.organisation_id, data["to_setting"], data, errors)
        if data["to_setting"] == client.care_setting and (ward is None or ward.id == client.ward_id):
            # Within a facility, a move to another ward is a transfer too.
            errors.add("to_setting", f"The client is already in '{client.care_setting}'.")
        last = client.setting_history[-1].transferred_on if client.setting_history else None
        _not_before_last(errors, "transferred_on", data["transferred_on"], last)
        errors.raise_if_any()
        previous = client.care_setting
        fields = {k: v for k, v in data.items() if k not in ("ward_id", "room", "facility_id")}
        move = CareSettingTransfer(from_setting=previous, recorded_by=actor.user_id,
                                   ward_id=ward.id if ward else None, room_row=room, **fields)
        client.setting_history.append(move)
        client.care_setting = data["to_setting"]
        client.ward_id, client.room_row = move.ward_id, room
        uow.record(ClientTransferred(client.id, previous, move.to_setting, move.transferred_on, actor))
        _audit(uow, actor, client, "care_setting_transfer", data)
        return move


def change_status(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> StatusChange:
    POLICY.check(actor, "change_status")
    with uow:
        client = load_client(uow.session, actor, client_id)
        allowed = STATUS_TRANSITIONS[client.status]
        if data["to_status"] not in allowed:
            raise Conflict(
                f"A client who is '{client.status}' cannot become '{data['to_status']}'.",
                {"to_status": [f"Allowed from '{client.status}': {', '.join(allowed) or 'none'}."]})
        errors = ErrorCollector()
        last = client.status_history[-1].changed_on if client.status_history else None
        _not_before_last(errors, "changed_on", data["changed_on"], last)
        errors.raise_if_any()
        change = StatusChange(from_status=client.status, recorded_by=actor.user_id, **data)
        client.status_history.append(change)
        client.status = data["to_status"]
        uow.record(ClientStatusChanged(client.id, change.from_status, change.to_status, change.changed_on,
                                       change.reason, actor))
        _audit(uow, actor, client, "status_change", data)
        return change


def _audit(uow: UnitOfWork, actor: Actor, client: Client, resource: str, data: dict[str, Any]) -> None:
    uow.session.flush()
    audit.record(uow.session, actor, "create", resource, None, client.id,
                 detail={k: str(v) for k, v in data.items()}, organisation_id=client.organisation_id)
    uow.commit()
