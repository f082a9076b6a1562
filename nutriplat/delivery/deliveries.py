"""A client's deliveries as they see them: each order's day, outcome and what came, with
the proof of delivery (who took it or where it was left, the handover temperatures, the
lines refused at the door). For the client, caregivers with a view mandate and the care
team; ``clients.access.load_client`` decides who sees which client."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, PlannedStop, RoutePlan, StopProof
from nutriplat.delivery.planning.proofs import proof_view
from nutriplat.delivery.policy import POLICY
from nutriplat.pagination import page_of

RESOURCE = "client_deliveries"


def client_deliveries(uow: UnitOfWork, actor: Actor, client_id: int, page: int, page_size: int | None
                      ) -> tuple[list[dict[str, Any]], int]:
    """The client's home orders, newest first."""
    POLICY.check(actor, "client_deliveries")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        orders, total = page_of(session, select(DeliveryOrder).options(selectinload(DeliveryOrder.lines)).where(
            DeliveryOrder.client_id == client.id, DeliveryOrder.ward_id.is_(None)).order_by(
            DeliveryOrder.delivery_date.desc(), DeliveryOrder.id.desc()), page, page_size)
        proof_of: dict[int, StopProof] = {}
        for proof, order_ids in session.execute(select(StopProof, PlannedStop.order_ids).join(
                PlannedStop, PlannedStop.id == StopProof.stop_id).join(RoutePlan, RoutePlan.id == PlannedStop.plan_id)
                .where(StopProof.client_id == client.id,
                       RoutePlan.delivery_date.in_({o.delivery_date for o in orders}))):
            proof_of.update(dict.fromkeys(order_ids, proof))
        variants = {v.id: v for v in session.scalars(select(DishVariant).where(
            DishVariant.id.in_({line.variant_id for o in orders for line in o.lines})))}
        audit.record(session, actor, "read", RESOURCE, client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return [{"order_id": o.id, "delivery_date": o.delivery_date, "status": o.status, "origin": o.origin,
                 "redelivery_of": o.redelivery_of_id, "confirmed_at": o.confirmed_at, "note": o.note,
                 "lines": [{"variant_id": line.variant_id, "dish": variants[line.variant_id].name,
                            "storage_class": variants[line.variant_id].storage_class, "quantity": line.quantity}
                           for line in o.lines],
                 "proof": proof_view(proof_of.get(o.id))} for o in orders], total
