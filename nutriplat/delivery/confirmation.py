"""Confirming a delivery order at its stop, one rule for a client's home order and a
facility's ward crate: the same outcome again changes nothing, only a planned or picked
order is confirmed, a picked order not delivered goes back to the depot, and every
confirmation raises ``DeliveryConfirmed`` (a ward crate's with its facility, ward and
residents) so consumption, billing and the timeline see homes and wards alike. Units
refused at the door come off the order and stay in the van (``take_back``), for a home
order and a ward crate alike."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
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


Product = tuple[int, str]  # (dish id, texture)


def refusals_by_product(order: DeliveryOrder, refused: Mapping[int, int]) -> dict[Product, int]:
    """Units refused per variant as units per dish and texture: read before picking, which
    may swap a variant for another of the same dish and texture (the refusal follows the product)."""
    return {(line.dish_id, line.texture): units for line in order.lines
            for variant, units in refused.items() if line.variant_id == variant}


def take_back(order: DeliveryOrder, refusals: dict[Any, int],
              key: Callable[[DeliveryOrderLine], Any] = lambda line: (line.dish_id, line.texture)) -> None:
    """Lower the order's lines by the units refused at the door, last lines first: the order
    then says what the client or ward got (billing and stock read it), the proof of delivery
    what went back; the refused units are never moved, so they stay in the van. ``refusals``
    are units per ``key`` of a line: its product, or a ward resident's tray of it."""
    for line in reversed(list(order.lines)):
        left = refusals.get(key(line), 0)
        if left:
            taken = min(left, line.quantity)
            refusals[key(line)] = left - taken
            if taken == line.quantity:
                order.lines.remove(line)
            else:
                line.quantity -= taken
    if not order.lines:  # the refused units were the only ones the warehouse had
        raise Conflict(f"Nothing of order {order.id} is left to deliver once the refused units are taken off.",
                       {"refused": ["Refuse the order instead."]})
