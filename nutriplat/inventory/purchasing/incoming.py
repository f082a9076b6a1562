"""What a warehouse holds and what is on its way to it, per product: read by the nightly
replenishment and by a back-order looking for the day its units will be there."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.inventory.access import Product
from nutriplat.inventory.models import Lot, PurchaseOrder, PurchaseOrderLine, StockBalance
from nutriplat.inventory.vocabulary import INCOMING_PO_STATUSES

Key = tuple[int, Product]  # (warehouse id, product)


def on_hand(session: Session, warehouses: set[int], usable_on: date) -> dict[Key, int]:
    """Units per warehouse and product of lots not recalled that are still good on ``usable_on``."""
    rows = session.execute(
        select(StockBalance.location_id, Lot.dish_id, Lot.texture, func.sum(StockBalance.quantity))
        .join(Lot, Lot.id == StockBalance.lot_id)
        .where(StockBalance.location_id.in_(warehouses), Lot.expiry_date >= usable_on, Lot.recalled_at.is_(None))
        .group_by(StockBalance.location_id, Lot.dish_id, Lot.texture))
    return {(loc, (dish, texture)): int(n) for loc, dish, texture, n in rows}


def incoming(session: Session, warehouses: set[int]) -> dict[Key, list[tuple[date, int]]]:
    """Per warehouse and product, the units still outstanding on approved or sent purchase
    orders, with the day each order is expected (a proposal nobody approved is not on its way)."""
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
