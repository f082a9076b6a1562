"""Delivery orders not delivered yet, as the inventory's reorder rules read them: per
client, what is on its way home (``ClientState.orders``); per warehouse, the stock
promised to home deliveries not picked yet (central replenishment's ``reserved``).
Inventory is upstream of delivery and reads no delivery order itself: these are handed
to it by the nightly run and the home stock view."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.inventory.reorder.replenish import Key
from nutriplat.inventory.reorder.snapshot import ClientState, OpenLine, OpenOrder


def add_open_orders(session: Session, states: dict[int, ClientState]) -> dict[int, ClientState]:
    """The clients' planned or picked orders, added to their state (incoming at home)."""
    orders: dict[int, OpenOrder] = {}
    for r in session.execute(
            select(DeliveryOrder.id, DeliveryOrder.client_id, DeliveryOrder.delivery_date, DeliveryOrder.status,
                   DeliveryOrderLine.dish_id, DeliveryOrderLine.texture, DeliveryOrderLine.variant_id,
                   DeliveryOrderLine.quantity)
            .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
            .where(DeliveryOrder.client_id.in_(list(states)), DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))
            .order_by(DeliveryOrder.id)):
        if r.id not in orders:
            orders[r.id] = OpenOrder(r.id, r.delivery_date, r.status)
            states[r.client_id].orders.append(orders[r.id])
        orders[r.id].lines.append(OpenLine(r.dish_id, r.texture, r.variant_id, r.quantity))
    return states


def reserved_for_homes(session: Session, warehouses: set[int]) -> dict[Key, list[tuple[date, int]]]:
    """Home deliveries not picked yet: stock promised to clients."""
    rows = session.execute(
        select(DeliveryOrder.warehouse_id, DeliveryOrder.delivery_date, DeliveryOrderLine.dish_id,
               DeliveryOrderLine.texture, func.sum(DeliveryOrderLine.quantity))
        .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
        .where(DeliveryOrder.warehouse_id.in_(warehouses), DeliveryOrder.status == "planned")
        .group_by(DeliveryOrder.warehouse_id, DeliveryOrder.delivery_date, DeliveryOrderLine.dish_id,
                  DeliveryOrderLine.texture))
    result: dict[Key, list[tuple[date, int]]] = defaultdict(list)
    for warehouse, day, dish, texture, quantity in rows:
        result[(warehouse, (dish, texture))].append((day, int(quantity)))
    return result
