"""A change of the client's texture or allergies against their open delivery orders
(planned or picked), before it is saved: the lines picking would drop (``fulfil`` drops
a line the client may no longer have, with a note), judged by the same rule."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.inventory.domain.safety import refusal


@dataclass(frozen=True)
class DroppedLine:
    order_id: int
    delivery_date: date
    status: str
    dish: str
    quantity: int
    reason: str


def preview(uow: UnitOfWork, actor: Actor, client_id: int, change: dict[str, Any]) -> list[DroppedLine]:
    """Read only: ``change`` holds the record's fields as the API names them."""
    POLICY.check(actor, "client_stock")
    with uow:
        client = load_client(uow.session, actor, client_id)
        food = change.get("iddsi_food_level", client.iddsi_food_level)
        drink = change.get("iddsi_drink_level", client.iddsi_drink_level)
        allergies = change.get("allergies", client.allergies) or ()
        rows = uow.session.execute(
            select(DeliveryOrder, DeliveryOrderLine, DishVariant)
            .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
            .join(DishVariant, DishVariant.id == DeliveryOrderLine.variant_id)
            .where(DeliveryOrder.client_id == client.id, DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))
            .order_by(DeliveryOrder.delivery_date, DeliveryOrder.id, DeliveryOrderLine.id))
        dropped = [DroppedLine(order.id, order.delivery_date, order.status, variant.name, line.quantity, reason)
                   for order, line, variant in rows
                   if (reason := refusal(variant.texture, variant.allergens or (), food, drink, allergies))]
        audit.record(uow.session, actor, "read", "delivery_order", None, client.id,
                     detail={"diet_change_preview": sorted(change)}, organisation_id=client.organisation_id)
        uow.commit()
        return dropped
