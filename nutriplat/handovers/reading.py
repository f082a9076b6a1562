"""Use cases: read a client's handovers, newest transfer first, or one of them (audited: a
read of person data)."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound
from nutriplat.handovers.models import Handover
from nutriplat.handovers.policy import POLICY

RESOURCE = "handover"


def list_handovers(uow: UnitOfWork, actor: Actor, client_id: int) -> list[Handover]:
    POLICY.check(actor, "list_handovers")
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        found = list(uow.session.scalars(select(Handover).where(Handover.client_id == client.id)
                                         .order_by(Handover.transferred_on.desc(), Handover.id.desc())))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return found


def get_handover(uow: UnitOfWork, actor: Actor, client_id: int, handover_id: int) -> Handover:
    POLICY.check(actor, "get_handover")
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        handover = uow.session.scalar(select(Handover).where(Handover.id == handover_id,
                                                             Handover.client_id == client.id))
        if handover is None:
            raise NotFound(f"No handover {handover_id}.")
        audit.record(uow.session, actor, "read", RESOURCE, handover.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return handover
