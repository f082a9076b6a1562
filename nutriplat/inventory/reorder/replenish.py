"""Central replenishment for a date: per active reorder rule, projected stock over the
rule's lead time (on hand, not expired + incoming purchase orders − reserved for home
deliveries) below the minimum becomes a proposed purchase order up to the maximum.
Proposals for one supplier, warehouse and expected date gather in one proposed order, so
each line keeps its own date. Only approved (or sent) orders count as incoming: a proposal
left waiting does not hide the shortage, and the night refreshes its line to what is
needed now instead of adding to it (unless a buyer set its quantity by hand: then the
need is shown beside it, ``reorder.waiting``), so a second run for the date changes
nothing. What home deliveries reserve is read by the caller (delivery orders are
downstream of inventory)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth.actor import Actor
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain import ReorderRule as Rule
from nutriplat.inventory.domain import propose_replenishment
from nutriplat.inventory.models import PurchaseOrder, PurchaseOrderLine, ReorderRule
from nutriplat.inventory.products import ProductInfo
from nutriplat.inventory.purchasing.incoming import Key
from nutriplat.inventory.purchasing.incoming import incoming as on_its_way
from nutriplat.inventory.purchasing.incoming import on_hand as current_stock
from nutriplat.inventory.reorder.report import ReorderReport
from nutriplat.inventory.reorder.waiting import refresh, waiting_lines

Reserved = Callable[[Session, set[int]], dict[Key, list[tuple[date, int]]]]


def replenish(session: Session, actor: Actor, run_date: date, catalogue: dict[Product, ProductInfo],
              report: ReorderReport, reserved_for_homes: Reserved) -> None:
    rules = list(session.scalars(select(ReorderRule).where(ReorderRule.active)
                                 .order_by(ReorderRule.id).with_for_update()))
    if not rules:
        return
    warehouses = {r.warehouse_id for r in rules}
    on_hand = current_stock(session, warehouses, run_date)
    incoming, reserved = on_its_way(session, warehouses), reserved_for_homes(session, warehouses)
    proposed: dict[tuple[int, int, int], list[tuple[ReorderRule, int, int]]] = defaultdict(list)
    covered: set[tuple[int, int, int]] = set()  # (supplier, warehouse, variant) needing nothing tonight
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
        elif variant_id is not None:
            covered.add((rule.supplier_id, rule.warehouse_id, variant_id))
    waiting = waiting_lines(session, warehouses)
    for line_key in covered & waiting.keys():  # a buyer's quantity beside a need of nothing at all
        refresh(session, actor, waiting[line_key], 0, run_date, report)
    for (organisation_id, supplier_id, warehouse_id), wanted in proposed.items():
        for rule, variant_id, quantity in wanted:
            line = waiting.get((supplier_id, warehouse_id, variant_id))
            if line is not None:  # still waiting, on its own date: refreshed, a buyer's quantity kept
                refresh(session, actor, line, quantity, run_date, report)
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


def _open_proposal(session: Session, supplier_id: int, warehouse_id: int, expected: date) -> PurchaseOrder | None:
    return session.scalar(select(PurchaseOrder).options(selectinload(PurchaseOrder.lines)).where(
        PurchaseOrder.supplier_id == supplier_id, PurchaseOrder.warehouse_id == warehouse_id,
        PurchaseOrder.status == "proposed", PurchaseOrder.origin == "replenishment",
        PurchaseOrder.expected_on == expected).order_by(PurchaseOrder.id).limit(1))
