"""The texture and allergen gate for one client and concrete variant rows, as the
client's record says now (``domain.safety.refusal`` with the rows' values)."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.inventory.domain.safety import refusal


def reason_against(variant: DishVariant, client: Client) -> str | None:
    return refusal(variant.texture, variant.allergens or (), client.iddsi_food_level, client.iddsi_drink_level,
                   client.allergies or ())


def allowed_for(session: Session, client: Client) -> Callable[[int], bool]:
    """By variant id. Lots of an older version of a product may differ from the current
    one (a recipe change): each lot is judged by its own row."""
    cache: dict[int, bool] = {}

    def allowed(variant_id: int) -> bool:
        if variant_id not in cache:
            variant = session.get(DishVariant, variant_id)
            cache[variant_id] = variant is not None and reason_against(variant, client) is None
        return cache[variant_id]
    return allowed
