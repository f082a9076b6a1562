"""Central replenishment for a date: per active reorder rule, projected stock over the
rule's lead time (on hand, not expired + incoming purchase orders − reserved for home
deliveries) below the minimum becomes a proposed purchase order up to the maximum.
Proposals for one supplier, warehouse and expected date gather in one proposed order, so
each line keeps its own date. Only approved (or sent) orders count as incoming: a proposal
left waiting does not hide the shortage, and the night refreshes its line to what is
needed now instead of adding to it, so a second run for the date changes nothing. What
home deliveries reserve is read by the caller (delivery orders are downstream of inventory)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth.actor import Actor
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain import ReorderRule as Rule
from nutriplat.inventory.domain import propose_replenishment
from nutriplat.inventory.models import Lot, PurchaseOrder, PurchaseOrderLine, ReorderRule, StockBalance
from nutriplat.inventory.products import ProductInfo
from nutriplat.inventory.reorder.report import ReorderReport
from nutriplat.inventory.vocabulary import INCOMING_PO_STATUSES

Key = tuple[int, Product]  # (warehouse id, product)


Reserved = Callable[[Session, set[int]], dict[Key, list[tuple[date, int]]]]


def replenish(session: Session, actor: Actor, run_date: date, catalogue: dict[Product, ProductInfo],
              report: ReorderReport, reserved_for_homes: Reserved) -> None:
    rules = list(session.scalars(select(ReorderRule).where(ReorderRule.active)
                                 .order_by(ReorderRule.id).with_for_update()))
    if not rules:
        return
    warehouses = {r.warehouse_id for r in rules}
    on_hand = _on_hand(session, warehouses, run_date)
    incoming, reserved = _incoming(session, warehouses), reserved_for_homes(session, warehouses)
    proposed: dict[tuple[int, int, int], list[tuple[ReorderRule, int, int]]] = defaultdict(list)
    for rule in rules:
        key, horizon = (rule.warehouse_id, (rule.dish_id, rule.texture)), run_date + timedelta(days=rule.lead_time_days)
        quantity = propose_replenishment(
            Rule(rule.minimum, rule.maximum, rule.pack_multiple, rule.lead_time_days), on_hand.get(key, 0),
            sum(n for day, n in incoming.get(key, ()) if day <= horizon),
            sum(n for day, n in reserved.get(key, ()) if day <= horizon))
        variant_id = catalogue[key[1]].current_variant_id
        if quantity and variant_id is None:
            report.attention.append(f"reorder rule {rule.id}: {catalogue[key[1]].name} is withdrawn; not ordered")
        elif quantity and variant_id is not None:
            proposed[(rule.organisation_id, rule.supplier_id, rule.warehouse_id)].append((rule, variant_id, quantity))
    waiting = _waiting_lines(session, warehouses)
    for (organisation_id, supplier_id, warehouse_id), wanted in proposed.items():
        for rule, variant_id, quantity in wanted:
            line = waiting.get((supplier_id, warehouse_id, variant_id))
            if line is not None:  # still waiting: tonight's need replaces it, on its own date
                line.quantity_ordered = quantity
                report.count("purchase_order_lines_refreshed")
                continue
            expected = run_date + timedelta(days=rule.lead_time_days)
            order = _open_proposal(session, supplier_id, warehouse_id, expected)
            if order is None:
                order = PurchaseOrder(
                    organisation_id=organisation_id, supplier_id=supplier_id, warehouse_id=warehouse_id,
                    status="proposed", origin="replenishment", ordered_on=run_date, expected_on=expected,
                    created_by=actor.user_id, lines=[])
                session.add(order)
                report.count("purchase_orders_proposed")
            order.lines.append(PurchaseOrderLine(variant_id=variant_id, dish_id=rule.dish_id,
                                                 texture=rule.texture, quantity_ordered=quantity))
            report.count("purchase_order_lines")
    session.flush()


def _on_hand(session: Session, warehouses: set[int], run_date: date) -> dict[Key, int]:
    rows = session.execute(
        select(StockBalance.location_id, Lot.dish_id, Lot.texture, func.sum(StockBalance.quantity))
        .join(Lot, Lot.id == StockBalance.lot_id)
        .where(StockBalance.location_id.in_(warehouses), Lot.expiry_date >= run_date, Lot.recalled_at.is_(None))
        .group_by(StockBalance.location_id, Lot.dish_id, Lot.texture))
    return {(loc, (dish, texture)): int(n) for loc, dish, texture, n in rows}


def _incoming(session: Session, warehouses: set[int]) -> dict[Key, list[tuple[date, int]]]:
    rows = session.execute(
        select(PurchaseOrder.warehouse_id, PurchaseOrder.expected_on, PurchaseOrderLine.dish_id,
               PurchaseOrderLine.texture, PurchaseOrderLine.quantity_ordered - PurchaseOrderLine.quantity_received)
        .join(PurchaseOrderLine, PurchaseOrderLine.purchase_order_id == PurchaseOrder.id)
        .where(PurchaseOrder.warehouse_id.in_(warehouses), PurchaseOrder.status.in_(INCOMING_PO_STATUSES)))
    result: dict[Key, list[tuple[date, int]]] = defaultdict(list)
    for warehouse, expected, dish, texture, outstanding in rows:
        if outstanding > 0:
            result[(warehouse, (dish, texture))].append((expected, outstanding))
    return result


def _waiting_lines(session: Session, warehouses: set[int]) -> dict[tuple[int, int, int], PurchaseOrderLine]:
    """The lines of the replenishment proposals nobody approved yet, by (supplier,
    warehouse, variant); the oldest proposal's line when two hold the variant."""
    rows = session.execute(select(PurchaseOrder.supplier_id, PurchaseOrder.warehouse_id, PurchaseOrderLine)
                           .join(PurchaseOrderLine, PurchaseOrderLine.purchase_order_id == PurchaseOrder.id)
                           .where(PurchaseOrder.warehouse_id.in_(warehouses), PurchaseOrder.status == "proposed",
                                  PurchaseOrder.origin == "replenishment")
                           .order_by(PurchaseOrder.id.desc()))
    return {(supplier, warehouse, line.variant_id): line for supplier, warehouse, line in rows}


def _open_proposal(session: Session, supplier_id: int, warehouse_id: int, expected: date) -> PurchaseOrder | None:
    return session.scalar(select(PurchaseOrder).options(selectinload(PurchaseOrder.lines)).where(
        PurchaseOrder.supplier_id == supplier_id, PurchaseOrder.warehouse_id == warehouse_id,
        PurchaseOrder.status == "proposed", PurchaseOrder.origin == "replenishment",
        PurchaseOrder.expected_on == expected).order_by(PurchaseOrder.id).limit(1))
