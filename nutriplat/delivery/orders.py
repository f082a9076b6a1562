"""Use cases of delivery orders: the day's list, one order, an order by hand, cancel.
An order names a person and what they eat: every read and write is audited."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.delivery.cancellation import drop_emptied_stops
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict, ErrorCollector, InvalidInput
from nutriplat.inventory.access import check_location, check_variant, provider_of, scoped
from nutriplat.inventory.domain.units import is_stocked
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.inventory.suitability import reason_against
from nutriplat.pagination import page_of

RESOURCE = "delivery_order"


def list_orders(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int | None
                ) -> tuple[list[DeliveryOrder], int]:
    POLICY.check(actor, "list_orders")
    if "date" not in filters and "client_id" not in filters:
        raise InvalidInput("Say which day (date) or which client (client_id).",
                           {"date": ["Required unless client_id is given."]})
    with uow:
        stmt = scoped(select(DeliveryOrder).options(selectinload(DeliveryOrder.lines)),
                      DeliveryOrder.organisation_id, actor)
        if "client_id" in filters:
            stmt = stmt.where(DeliveryOrder.client_id == load_client(uow.session, actor, filters["client_id"]).id)
        for key, column in (("date", DeliveryOrder.delivery_date), ("status", DeliveryOrder.status)):
            if key in filters:
                stmt = stmt.where(column == filters[key])
        orders, total = page_of(uow.session, stmt.order_by(
            DeliveryOrder.delivery_date, DeliveryOrder.client_id, DeliveryOrder.id), page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE,
                           {(c, o.organisation_id) for o in orders for c in people_of(o)})
        uow.commit()
        return orders, total


def get_order(uow: UnitOfWork, actor: Actor, order_id: int) -> DeliveryOrder:
    POLICY.check(actor, "get_order")
    with uow:
        ward_order = load_owned(uow.session, DeliveryOrder, order_id, actor, "delivery order")
        if ward_order.ward_id is not None:  # a facility's crate: a read of each resident on it
            uow.session.refresh(ward_order, ["lines"])
            audit.record_reads(uow.session, actor, RESOURCE,
                               {(c, ward_order.organisation_id) for c in people_of(ward_order)})
            uow.commit()
            return ward_order
        order, client = load_order(uow.session, actor, order_id)
        audit.record(uow.session, actor, "read", RESOURCE, order.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return order


def create_order(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> DeliveryOrder:
    """An order by hand (say, a client's birthday or a replacement); checked as home
    reordering's orders are."""
    POLICY.check(actor, "create_order")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        client = load_client(session, actor, data["client_id"])
        if data["delivery_date"] < business_today():
            errors.add("delivery_date", "Must not be in the past.")
        warehouse_id = data.get("warehouse_id") or _schedule_warehouse(session, client.id)
        if warehouse_id is None:
            errors.add("warehouse_id", "The client has no delivery schedule; name the warehouse.")
        check_location(session, actor, warehouse_id, errors, "warehouse_id", ("warehouse",))
        lines = [order_line(session, client, line, errors, f"lines.{i}.") for i, line in enumerate(data["lines"])]
        errors.raise_if_any()
        if client.status != "active" or client.care_setting != "home":
            raise Conflict(f"Client {client.id} is {client.status} in {client.care_setting}: not at home "
                           "for a delivery.", {"client_id": ["Not at home."]})
        order = DeliveryOrder(organisation_id=organisation_id, client_id=client.id, delivery_date=data["delivery_date"],
                              origin="manual", warehouse_id=warehouse_id, note=data.get("note"),
                              created_by=actor.user_id, lines=lines)
        session.add(order)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, order.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return order


def cancel_order(uow: UnitOfWork, actor: Actor, order_id: int, reason: str | None) -> DeliveryOrder:
    POLICY.check(actor, "cancel_order")
    with uow:
        order, client = load_order(uow.session, actor, order_id)
        if order.status != "planned":
            raise Conflict(f"The order is {order.status}; only a planned order is cancelled "
                           "(a picked one is returned at the door).", {"status": [order.status]})
        order.status = "cancelled"
        order.note = "; ".join(filter(None, [order.note, f"cancelled: {reason or 'by hand'}"]))
        drop_emptied_stops(uow.session, actor, client.id, {order.id}, f"cancelled: {reason or 'by hand'}")
        audit.record(uow.session, actor, "cancel", RESOURCE, order.id, client.id,
                     organisation_id=client.organisation_id)
        commit_or_conflict(uow)
        return order


def load_order(session: Session, actor: Actor, order_id: int) -> tuple[DeliveryOrder, Client]:
    """The order of the caller's organisation, and its client (whom the caller may see)."""
    order = load_owned(session, DeliveryOrder, order_id, actor, "delivery order")
    if order.ward_id is not None:
        raise Conflict(f"Order {order.id} is a ward order: it is packed and delivered with its facility's "
                       "stop, not as a home order.", {"ward_id": ["A ward order."]})
    session.refresh(order, ["lines"])  # loaded now: the order is shown after its session closed
    return order, load_client(session, actor, order.client_id)


def is_ward_order(uow: UnitOfWork, actor: Actor, order_id: int) -> bool:
    """A facility's crate (picked, cancelled and confirmed by ``ward_fulfil``); 404 when
    the order is not the caller's organisation's."""
    with uow:
        return load_owned(uow.session, DeliveryOrder, order_id, actor, "delivery order").ward_id is not None


def people_of(order: DeliveryOrder) -> set[int]:
    """Whose food an order carries: the client at home, or each resident on a ward order."""
    return {order.client_id} if order.ward_id is None else {ln.client_id for ln in order.lines if ln.client_id}


def commit_or_conflict(uow: UnitOfWork) -> None:
    uow.commit("The order was changed at the same moment (picked, confirmed or reordered); reload and retry.")


def _schedule_warehouse(session: Session, client_id: int) -> int | None:
    schedule = session.get(DeliverySchedule, client_id)
    return schedule.warehouse_id if schedule else None


def order_line(session: Session, client: Client, data: dict[str, Any], errors: ErrorCollector,
          prefix: str) -> DeliveryOrderLine:
    variant = check_variant(session, data["variant_id"], errors, f"{prefix}variant_id")
    if variant is None:
        return DeliveryOrderLine()
    if not variant.is_current:
        errors.add(f"{prefix}variant_id", f"Dish variant {variant.id} is no longer current; order "
                   f"{variant.replaced_by_id or 'another one'}.")
    elif not is_stocked(variant.dish.kind, variant.texture):
        errors.add(f"{prefix}variant_id", f"{variant.name} is not delivered (cooked or poured at home).")
    elif reason := reason_against(variant, client):
        errors.add(f"{prefix}variant_id", f"Not for this client: {reason}.")
    return DeliveryOrderLine(variant_id=variant.id, dish_id=variant.dish_id, texture=variant.texture,
                             quantity=data["quantity"])
