"""Receiving a sent purchase order, in one or several deliveries, each line with its lots.
More than is outstanding is refused unless the request says ``accept_over_receipt``."""
from __future__ import annotations

from collections import Counter
from typing import Any

from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.lots import new_lot
from nutriplat.inventory.models import PurchaseOrder
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.purchasing.orders import commit, load
from nutriplat.inventory.vocabulary import RECEIVABLE_PO_STATUSES


def receive(uow: UnitOfWork, actor: Actor, order_id: int, data: dict[str, Any]) -> PurchaseOrder:
    POLICY.check(actor, "receive")
    with uow:
        session = uow.session
        order = load(session, actor, order_id)
        if order.status not in RECEIVABLE_PO_STATUSES:
            raise Conflict(f"The order is {order.status}; only a sent order is received.",
                           {"status": [f"Must be {' or '.join(RECEIVABLE_PO_STATUSES)}."]})
        lines, errors = {line.id: line for line in order.lines}, ErrorCollector()
        arriving: Counter[int] = Counter()
        lots = []
        for i, receipt in enumerate(data["lines"]):
            line = lines.get(receipt["line_id"])
            if line is None:
                errors.add(f"lines.{i}.line_id", f"Purchase order {order.id} has no line {receipt['line_id']}.")
                continue
            arriving[line.id] += receipt["quantity"]
            lots.append((line, receipt["quantity"], new_lot(
                session, actor, order.organisation_id, receipt | {"variant_id": line.variant_id,
                                                                  "supplier_id": order.supplier_id},
                errors, f"lines.{i}.")))
        for line_id, quantity in arriving.items():
            line = lines[line_id]
            if quantity > line.outstanding and not data.get("accept_over_receipt"):
                errors.add("lines", f"Line {line_id}: receiving {quantity}, but only {line.outstanding} of "
                                    f"{line.quantity_ordered} are outstanding; set accept_over_receipt to take more.")
        errors.raise_if_any()
        day = data.get("received_on") or business_today()
        Ledger(session, actor.user_id).post(
            [Move("receipt", lot.id, quantity, None, order.warehouse_id, day, purchase_order_line_id=line.id)
             for line, quantity, lot in lots], order.organisation_id)
        for line_id, quantity in arriving.items():
            lines[line_id].quantity_received += quantity
        done = all(line.quantity_received >= line.quantity_ordered for line in order.lines)
        order.status = "received" if done else "partially_received"
        order.closed_at = utcnow() if done else None
        return commit(uow, order)
