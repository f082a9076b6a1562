"""The buyer's part of a simulated day: the night's replenishment proposals approved and
sent to the supplier, and what is expected by today received into the warehouse, each
line as one supplier lot. Everything goes through the purchasing services, as the buyer
at the reorder page would; a proposal already approved or an order already received is
left alone, so the step is idempotent for its day."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork
from nutriplat.inventory.models import PurchaseOrderLine
from nutriplat.inventory.purchasing import orders, receiving
from nutriplat.inventory.vocabulary import RECEIVABLE_PO_STATUSES


def buy(factory: sessionmaker[Session], buyer: Actor, day: date) -> Counter[str]:
    counts: Counter[str] = Counter()
    proposals, _ = orders.list_orders(UnitOfWork(factory), buyer, {"status": "proposed"}, 1, None)
    for proposal in proposals:
        for action in ("approve", "send"):
            orders.transition(UnitOfWork(factory), buyer, proposal.id, action)
        counts["purchase orders approved and sent"] += 1
    for status in RECEIVABLE_PO_STATUSES:
        due, _ = orders.list_orders(UnitOfWork(factory), buyer, {"status": status}, 1, None)
        for order in (o for o in due if o.expected_on <= day):
            lots = _lots(factory, order.id, order.lines, day)
            receiving.receive(UnitOfWork(factory), buyer, order.id, {"received_on": day, "lines": lots})
            counts["purchase orders received"] += 1
            counts["units received from suppliers"] += sum(lot["quantity"] for lot in lots)
    return counts


def _lots(factory: sessionmaker[Session], order_id: int, lines: list[PurchaseOrderLine], day: date
          ) -> list[dict[str, Any]]:
    """The supplier's lot of each outstanding line: made the day before, at the variant's shelf life."""
    with UnitOfWork(factory) as uow:
        shelf_life = dict(uow.session.execute(select(DishVariant.id, DishVariant.shelf_life_days).where(
            DishVariant.id.in_({line.variant_id for line in lines}))).all())
    made = day - timedelta(days=1)
    return [{"line_id": line.id, "quantity": line.outstanding, "supplier_lot_code": f"PO{order_id}-{line.id}",
             "production_date": made, "expiry_date": made + timedelta(days=shelf_life[line.variant_id])}
            for line in lines if line.outstanding > 0]
