"""The client's side orders (issue 17): an extra delivery of meals before the cut-off of
that day (a skipped one: ``skips``). The same rules as home reordering's and as an order by
hand: the client's schedule decides the cut-off and the warehouse, each line is checked
for allergens, texture and whether it is delivered at all (``orders.order_line``). The
extra meals are charged when the delivery is confirmed, as every delivery is (billing)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_today, local_now
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.orders import RESOURCE, commit_or_conflict, order_line
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import DeliverySchedule, SkippedDelivery


def create_extra_order(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> DeliveryOrder:
    """Meals added to the client's planned order of that day, or a new (extra) order."""
    POLICY.check(actor, "create_extra_order")
    with uow:
        session, errors = uow.session, ErrorCollector()
        client = load_client(session, actor, client_id, scope="order")
        day = data["delivery_date"]
        if day < business_today():
            errors.add("delivery_date", "Must not be in the past.")
        lines = [order_line(session, client, line, errors, f"lines.{i}.") for i, line in enumerate(data["lines"])]
        errors.raise_if_any()
        schedule = open_schedule(session, client, day)
        if session.scalar(select(SkippedDelivery.id).where(
                SkippedDelivery.client_id == client.id, SkippedDelivery.delivery_date == day)) is not None:
            raise Conflict(f"The delivery of {day} is skipped; undo the skip to order for that day.",
                           {"delivery_date": ["This delivery is skipped."]})
        order = session.scalar(select(DeliveryOrder).options(selectinload(DeliveryOrder.lines)).where(
            DeliveryOrder.client_id == client.id, DeliveryOrder.delivery_date == day,
            DeliveryOrder.status == "planned").order_by(DeliveryOrder.id).limit(1))
        if order is None:
            order = DeliveryOrder(organisation_id=client.organisation_id, client_id=client.id, delivery_date=day,
                                  origin="extra", warehouse_id=schedule.warehouse_id, created_by=actor.user_id,
                                  lines=[])
            session.add(order)
        for line in lines:
            same = next((x for x in order.lines if x.variant_id == line.variant_id), None)
            if same is None:
                order.lines.append(line)
            else:
                same.quantity += line.quantity
        order.note = "; ".join(filter(None, [order.note, f"extra meals ordered by {actor.username}"]))[:2000]
        session.flush()
        audit.record(session, actor, "create", RESOURCE, order.id, client.id,
                     detail={"delivery_date": day.isoformat(), "extra": True}, organisation_id=client.organisation_id)
        commit_or_conflict(uow)
        session.refresh(order, ["lines"])
        return order


def open_schedule(session: Session, client: Client, day: date) -> DeliverySchedule:
    """The client's schedule, if a delivery on ``day`` can still be ordered or changed."""
    if client.status != "active" or client.care_setting != "home":
        raise Conflict(f"Client {client.id} is {client.status} in {client.care_setting}: not at home "
                       "for a delivery.", {"client_id": ["Not at home."]})
    schedule = session.get(DeliverySchedule, client.id)
    if schedule is None:
        raise Conflict(f"Client {client.id} has no delivery schedule yet.", {"delivery_date": ["No schedule."]})
    rule = rule_of(schedule)
    if not rule.is_open(day, local_now().replace(tzinfo=None)):
        raise Conflict(f"The cut-off for {day} has passed ({rule.cutoff_at(day):%Y-%m-%d %H:%M}).",
                       {"delivery_date": [f"Past the cut-off; the earliest is "
                                          f"{rule.earliest_delivery(local_now().replace(tzinfo=None))}."]})
    return schedule
