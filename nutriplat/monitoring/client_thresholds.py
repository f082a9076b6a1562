"""Use cases on a client's own early-warning thresholds: list them, set one with a
reason, go back to the default. The next evaluation (an event, the nightly sweep) reads
them."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput, NotFound
from nutriplat.monitoring.models import ClientThreshold
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.rules.thresholds import PARAMETERS, Parameter

RESOURCE = "client_threshold"


def _parameter(name: str) -> Parameter:
    if name not in PARAMETERS:
        raise NotFound(f"No threshold parameter {name}.", {"parameter": [f"One of: {', '.join(PARAMETERS)}."]})
    return PARAMETERS[name]


def list_thresholds(uow: UnitOfWork, actor: Actor, client_id: int) -> list[ClientThreshold]:
    POLICY.check(actor, "list_thresholds")
    with uow:
        load_client(uow.session, actor, client_id)
        return list(uow.session.scalars(select(ClientThreshold).where(ClientThreshold.client_id == client_id)
                                        .order_by(ClientThreshold.parameter)))


def set_threshold(uow: UnitOfWork, actor: Actor, client_id: int, parameter: str, value: float,
                  reason: str) -> ClientThreshold:
    POLICY.check(actor, "set_threshold")
    bounds = _parameter(parameter)
    if not bounds.lowest <= value <= bounds.highest:
        raise InvalidInput(f"{parameter} is set between {bounds.lowest:g} and {bounds.highest:g}.",
                           {"value": [f"Must be between {bounds.lowest:g} and {bounds.highest:g}."]})
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        row = uow.session.scalar(select(ClientThreshold).where(
            ClientThreshold.client_id == client.id, ClientThreshold.parameter == parameter))
        if row is None:
            row = ClientThreshold(organisation_id=client.organisation_id, client_id=client.id, parameter=parameter)
            uow.session.add(row)
        row.value, row.reason, row.set_by = value, reason, actor.user_id
        # Named by its parameter: a new row has no id before the commit (which is what may conflict).
        audit.record(uow.session, actor, "update", RESOURCE, parameter, client.id,
                     detail={"parameter": parameter, "value": value, "reason": reason},
                     organisation_id=client.organisation_id)
        uow.commit(conflict=f"{parameter} was set for this client a moment ago.")
        return row


def clear_threshold(uow: UnitOfWork, actor: Actor, client_id: int, parameter: str) -> None:
    """Back to the default."""
    POLICY.check(actor, "set_threshold")
    _parameter(parameter)
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        row = uow.session.scalar(select(ClientThreshold).where(
            ClientThreshold.client_id == client.id, ClientThreshold.parameter == parameter))
        if row is None:
            raise NotFound(f"No threshold {parameter} for client {client_id}.")
        audit.record(uow.session, actor, "delete", RESOURCE, row.id, client.id, detail={"parameter": parameter},
                     organisation_id=client.organisation_id)
        uow.session.delete(row)
        uow.commit()
