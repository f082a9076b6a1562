"""Use cases: read a client's targets; let a dietitian override them with a reason
and a validity period (the history of overrides is kept)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.screening.models import TargetOverride
from nutriplat.screening.policy import POLICY
from nutriplat.screening.targets_in_force import TARGET_NAMES, ClientTargets, targets_for


def get_targets(uow: UnitOfWork, actor: Actor, client_id: int, on: date) -> ClientTargets:
    POLICY.check(actor, "get_targets")
    with uow:
        client = load_client(uow.session, actor, client_id)
        targets = targets_for(uow.session, client, on)
        audit.record(uow.session, actor, "read", "targets", None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return targets


def override_targets(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any],
                     on: date) -> ClientTargets:
    """``data`` maps target names to {value, reason, valid_from, valid_until}."""
    POLICY.check(actor, "override_targets")
    errors = ErrorCollector()
    if not any(name in data for name in TARGET_NAMES):
        errors.add("body", f"Give at least one of: {', '.join(TARGET_NAMES)}.")
    for name, override in data.items():
        until = override.get("valid_until")
        if until is not None and until < override["valid_from"]:
            errors.add(f"{name}.valid_until", "Must not be before valid_from.")
    errors.raise_if_any()
    with uow:
        client = load_client(uow.session, actor, client_id)
        for name, override in data.items():
            uow.session.add(TargetOverride(client_id=client.id, target=name, set_by=actor.user_id,
                                           **override))
        uow.session.flush()
        targets = targets_for(uow.session, client, on)
        audit.record(uow.session, actor, "update", "targets", None, client.id,
                     detail={"overridden": sorted(data)}, organisation_id=client.organisation_id)
        uow.commit()
        return targets


def override_history(uow: UnitOfWork, actor: Actor, client_id: int) -> list[TargetOverride]:
    POLICY.check(actor, "override_history")
    with uow:
        client = load_client(uow.session, actor, client_id)
        rows = list(uow.session.scalars(select(TargetOverride).where(
            TargetOverride.client_id == client.id).order_by(TargetOverride.set_at.desc(),
                                                             TargetOverride.id.desc())))
        audit.record(uow.session, actor, "list", "target_overrides", None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return rows
