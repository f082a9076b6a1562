"""Confirming a delivery order at its stop, one rule for a client's home order and a
facility's ward crate: the same outcome again changes nothing, only a planned or picked
order is confirmed, a picked order not delivered goes back to the depot, and every
confirmation raises ``DeliveryConfirmed`` (a ward crate's with its facility, ward and
residents) so consumption, billing and the timeline see homes and wards alike."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.orders import people_of
from nutriplat.errors import Conflict
from nutriplat.events import DeliveryConfirmed
from nutriplat.inventory.ledger import Ledger, Move


def confirm(uow: UnitOfWork, actor: Actor, order: DeliveryOrder, outcome: str, day: date,
            deliver: Callable[[Ledger], None]) -> bool:
    """Apply ``outcome`` to ``order`` (``deliver`` moves the units where they go); False
    when the order already has that outcome (nothing done)."""
    if order.status == outcome:
        return False
    if order.status not in ("planned", "picked"):
        raise Conflict(f"The order is already {order.status}.", {"status": [order.status]})
    ledger = Ledger(uow.session, actor.user_id)
    if outcome == "delivered":
        deliver(ledger)
    elif order.status == "picked":
        ledger.post([Move("return", line.lot_id, line.quantity, order.vehicle_id, order.warehouse_id, day,  # type: ignore[arg-type]
                          client_id=line.client_id, delivery_order_id=order.id, reason=outcome)
                     for line in order.lines], order.organisation_id)
    if order.status != "cancelled":  # delivering may find nothing left to deliver
        order.status, order.confirmed_at = outcome, utcnow()
        uow.record(DeliveryConfirmed(
            order.id, order.client_id, outcome, order.delivery_date, actor, facility_id=order.facility_id,
            ward_id=order.ward_id, resident_ids=tuple(sorted(people_of(order))) if order.ward_id else ()))
    return True
