"""A skipped delivery (issue 17): the client, a caregiver with the 'order' mandate or
logistics says no to a delivery day before its cut-off. The day's planned orders are
cancelled and the skip is remembered (inventory's ``SkippedDelivery``), so the nightly
reorder never orders for that day again; undone before the cut-off, the orders the skip
cancelled are planned again and the day is an ordinary delivery day once more."""
from __future__ import annotations

from datetime import date

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.cancellation import cancel_planned
from nutriplat.delivery.extra_orders import open_schedule
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.orders import commit_or_conflict
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict, NotFound
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import SkippedDelivery

RESOURCE = "skipped_delivery"


def skip_delivery(uow: UnitOfWork, actor: Actor, client_id: int, day: date, reason: str | None = None
                  ) -> SkippedDelivery:
    """Skip the delivery of ``day``: a regular delivery day or a day with a planned order."""
    POLICY.check(actor, "skip_delivery")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, scope="order")
        schedule = open_schedule(session, client, day)
        if _skip_of(session, client.id, day) is not None:
            raise Conflict(f"The delivery of {day} is skipped already.", {"delivery_date": ["Skipped already."]})
        planned = list(session.scalars(select(DeliveryOrder.id).where(
            DeliveryOrder.client_id == client.id, DeliveryOrder.delivery_date == day,
            DeliveryOrder.status == "planned").order_by(DeliveryOrder.id)))
        if not planned and day.weekday() not in rule_of(schedule).weekdays:
            raise Conflict(f"No delivery on {day} to skip.", {"delivery_date": ["No delivery that day."]})
        cancelled = cancel_planned(session, actor, client.id, client.organisation_id, planned,
                                   f"skipped by {actor.username}")
        skip = SkippedDelivery(organisation_id=client.organisation_id, client_id=client.id, delivery_date=day,
                               reason=reason, cancelled_order_ids=cancelled, skipped_by=actor.user_id)
        session.add(skip)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, skip.id, client.id,
                     detail={"delivery_date": day.isoformat(), "cancelled_order_ids": cancelled},
                     organisation_id=client.organisation_id)
        uow.commit("The delivery of that day was skipped at the same moment.",
                   {"delivery_date": ["Skipped already."]})
        return skip


def undo_skip(uow: UnitOfWork, actor: Actor, client_id: int, day: date) -> list[int]:
    """Take back the skip of ``day`` before its cut-off; the ids of the orders planned again."""
    POLICY.check(actor, "skip_delivery")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id, scope="order")
        skip = _skip_of(session, client.id, day)
        if skip is None:
            raise NotFound(f"No skipped delivery on {day}.")
        open_schedule(session, client, day)
        restored = _plan_again(session, actor, client, [int(i) for i in skip.cancelled_order_ids])
        audit.record(session, actor, "delete", RESOURCE, skip.id, client.id,
                     detail={"delivery_date": day.isoformat(), "restored_order_ids": restored},
                     organisation_id=client.organisation_id)
        session.delete(skip)
        commit_or_conflict(uow)
        return restored


def list_skips(uow: UnitOfWork, actor: Actor, client_id: int, since: date) -> list[SkippedDelivery]:
    POLICY.check(actor, "list_skips")
    with uow:
        client = load_client(uow.session, actor, client_id)
        skips = list(uow.session.scalars(select(SkippedDelivery).where(
            SkippedDelivery.client_id == client.id, SkippedDelivery.delivery_date >= since)
            .order_by(SkippedDelivery.delivery_date)))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return skips


def _skip_of(session: Session, client_id: int, day: date) -> SkippedDelivery | None:
    return session.scalar(select(SkippedDelivery).where(
        SkippedDelivery.client_id == client_id, SkippedDelivery.delivery_date == day))


def _plan_again(session: Session, actor: Actor, client: Client, order_ids: list[int]) -> list[int]:
    """The skip's cancelled orders back to planned (the caller has checked the client is at
    home and the cut-off open; an order picked or delivered meanwhile is left alone)."""
    note = f"skip undone by {actor.username}"
    restored = []
    for order_id in order_ids:
        done = session.execute(update(DeliveryOrder).where(
            DeliveryOrder.id == order_id, DeliveryOrder.client_id == client.id, DeliveryOrder.status == "cancelled",
        ).values(status="planned", version=DeliveryOrder.version + 1,
                 note=case((DeliveryOrder.note.is_(None), note), else_=DeliveryOrder.note + "; " + note),
                 )).rowcount  # type: ignore[attr-defined]
        if done:
            restored.append(order_id)
            audit.record(session, actor, "update", "delivery_order", order_id, client.id,
                         detail={"status": "planned", "reason": note}, organisation_id=client.organisation_id)
    return restored
