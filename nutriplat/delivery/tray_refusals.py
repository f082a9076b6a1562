"""Refusals at a care facility's stop that name the resident who refused: they come off
that resident's tray on the ward crate (not another resident's line of the same dish), and
each is kept (``TrayRefusal``) so the resident's timeline shows it even when the whole
tray went back in the van."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.delivery.confirmation import Product, take_back
from nutriplat.delivery.domain.proof import Refusal
from nutriplat.delivery.models import DeliveryOrder, TrayRefusal

RESOURCE = "tray_refusal"
Tray = tuple[Product, int]  # (product, resident id)


def by_tray(order: DeliveryOrder, refused: Sequence[Refusal]) -> dict[Tray, int]:
    """Units refused per resident's tray of a product: read before picking, which may swap
    a variant for another of the same dish and texture (the refusal follows the product)."""
    products = {line.variant_id: (line.dish_id, line.texture) for line in order.lines}
    units: dict[Tray, int] = {}
    for refusal in refused:
        if refusal.client_id is not None and refusal.variant_id in products:
            tray = (products[refusal.variant_id], refusal.client_id)
            units[tray] = units.get(tray, 0) + refusal.units
    return units


def take_back_trays(order: DeliveryOrder, trays: dict[Tray, int]) -> None:
    """Lower each named resident's lines by what they refused; the units stay in the van."""
    if trays:
        take_back(order, trays, key=lambda line: ((line.dish_id, line.texture), line.client_id))


def record(session: Session, actor: Actor, order: DeliveryOrder, refused: Sequence[Refusal], day: date) -> None:
    """Keep each resident's refusal for their timeline; a write about the resident, audited."""
    for refusal in refused:
        if refusal.client_id is None:
            continue
        row = TrayRefusal(order_id=order.id, client_id=refusal.client_id, variant_id=refusal.variant_id,
                          units=refusal.units, reason=refusal.reason, delivery_date=day, recorded_by=actor.user_id)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, row.id, refusal.client_id,
                     detail={"order_id": order.id, "variant_id": refusal.variant_id, "units": refusal.units},
                     organisation_id=order.organisation_id)
