"""Use cases of purchase orders: list, read, order by hand, change a proposal, approve,
send, cancel. Receiving is in ``receiving``."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound
from nutriplat.inventory.access import check_location, check_variant, provider_of, scoped
from nutriplat.inventory.models import PurchaseOrder, PurchaseOrderLine
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.vocabulary import PO_TRANSITIONS
from nutriplat.pagination import page_of


def list_orders(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int | None
                ) -> tuple[list[PurchaseOrder], int]:
    POLICY.check(actor, "list_purchase_orders")
    with uow:
        stmt = scoped(select(PurchaseOrder).options(selectinload(PurchaseOrder.lines)),
                      PurchaseOrder.organisation_id, actor)
        for key in ("status", "supplier_id", "warehouse_id"):
            if key in filters:
                stmt = stmt.where(getattr(PurchaseOrder, key) == filters[key])
        return page_of(uow.session, stmt.order_by(PurchaseOrder.id.desc()), page, page_size)


def get_order(uow: UnitOfWork, actor: Actor, order_id: int) -> PurchaseOrder:
    POLICY.check(actor, "get_purchase_order")
    with uow:
        return load(uow.session, actor, order_id)


def create_order(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> PurchaseOrder:
    POLICY.check(actor, "create_purchase_order")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        supplier = session.get(Organisation, data["supplier_id"])
        if supplier is None or supplier.type != "supplier":
            errors.add("supplier_id", f"No supplier organisation {data['supplier_id']}.")
        check_location(session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        if data["expected_on"] < business_today():
            errors.add("expected_on", "Must not be in the past.")
        lines = []
        for i, line in enumerate(data["lines"]):
            variant = check_variant(session, line["variant_id"], errors, f"lines.{i}.variant_id")
            if variant is not None and not variant.is_current:
                errors.add(f"lines.{i}.variant_id", f"Dish variant {variant.id} is no longer current.")
            elif variant is not None:
                lines.append(PurchaseOrderLine(variant_id=variant.id, dish_id=variant.dish_id, texture=variant.texture,
                                               quantity_ordered=line["quantity"]))
        errors.raise_if_any()
        order = PurchaseOrder(organisation_id=organisation_id, supplier_id=data["supplier_id"],
                              warehouse_id=data["warehouse_id"], status="proposed", origin="manual",
                              ordered_on=business_today(), expected_on=data["expected_on"], note=data.get("note"),
                              created_by=actor.user_id, lines=lines)
        session.add(order)
        session.flush()
        uow.commit()
        return order


def change_proposal(uow: UnitOfWork, actor: Actor, order_id: int, data: dict[str, Any]) -> PurchaseOrder:
    """Quantities of a proposal before it is approved (0 removes a line). A quantity the
    buyer changes is marked edited by hand: the nightly reorder keeps it from then on."""
    POLICY.check(actor, "change_proposal")
    with uow:
        order = load(uow.session, actor, order_id)
        if order.status != "proposed":
            raise Conflict(f"The order is {order.status}; only a proposal changes.", {"status": [order.status]})
        lines, errors = {line.id: line for line in order.lines}, ErrorCollector()
        for i, change in enumerate(data["lines"]):
            if change["line_id"] not in lines:
                errors.add(f"lines.{i}.line_id", f"Purchase order {order.id} has no line {change['line_id']}.")
        errors.raise_if_any()
        for change in data["lines"]:
            line = lines[change["line_id"]]
            if change["quantity"] == line.quantity_ordered:
                continue  # unchanged (the web form posts every line)
            if change["quantity"] == 0:
                order.lines.remove(line)
            else:  # the buyer's figure from now on: the night keeps it and shows its own need beside it
                line.quantity_ordered, line.edited_by_hand = change["quantity"], True
                line.suggested_quantity = line.suggested_on = None
            audit.record(uow.session, actor, "update", "purchase_order_line", line.id,
                         detail={"purchase_order_id": order.id, "quantity_ordered": change["quantity"]},
                         organisation_id=order.organisation_id)
        if "expected_on" in data:
            order.expected_on = data["expected_on"]
        if not order.lines:
            order.status, order.closed_at = "cancelled", utcnow()
        return commit(uow, order)


def transition(uow: UnitOfWork, actor: Actor, order_id: int, action: str) -> PurchaseOrder:
    """approve (proposed → approved), send (approved → sent), cancel (before receipt)."""
    POLICY.check(actor, "transition")
    allowed, target = PO_TRANSITIONS[action]
    with uow:
        order = load(uow.session, actor, order_id)
        if order.status not in allowed:
            raise Conflict(f"A purchase order that is {order.status} cannot be {action}d here.",
                           {"status": [f"Must be {' or '.join(allowed)}."]})
        order.status = target
        now = utcnow()
        if action == "approve":
            order.approved_by, order.approved_at = actor.user_id, now
        elif action == "send":
            order.sent_at = now
        else:
            order.closed_at = now
        return commit(uow, order)


def load(session: Session, actor: Actor, order_id: int) -> PurchaseOrder:
    order = session.scalar(select(PurchaseOrder).options(selectinload(PurchaseOrder.lines))
                           .where(PurchaseOrder.id == order_id))
    if order is None or not (actor.is_platform_admin or order.organisation_id == actor.organisation_id):
        raise NotFound(f"No purchase order {order_id}.")
    return order


def commit(uow: UnitOfWork, order: PurchaseOrder) -> PurchaseOrder:
    uow.commit("The purchase order was changed at the same moment; reload and retry.")
    return order
