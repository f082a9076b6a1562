"""Use case: a client's meals of a day, whatever the setting (``GET /clients/{id}/meals``).
Empty only when no approved plan covers the day. A read of person data: audited."""
from __future__ import annotations

from datetime import date
from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.mealplans.approved import approved_dishes
from nutriplat.meals.policy import POLICY
from nutriplat.meals.sources import source_of, ward_order_lines

RESOURCE = "meals"


def levels(variant: DishVariant, food_level: str, drink_level: str) -> dict[str, str]:
    """The dish's own IDDSI level on its axis; the client's prescribed level on the other."""
    return {"food_level": variant.food_level or food_level, "drink_level": variant.drink_level or drink_level}


def client_meals(uow: UnitOfWork, actor: Actor, client_id: int, day: date) -> list[dict[str, Any]]:
    POLICY.check(actor, "client_meals")
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        dishes = approved_dishes(uow.session, [client.id], day, day)
        ward_lines = ward_order_lines(uow.session, [client.id], day)
        meals = []
        for dish in dishes:
            source, order_id = source_of(uow.session, client.care_setting, dish, ward_lines)
            meals.append({"meal_moment": dish.meal_moment, "variant_id": dish.variant.id,
                          **levels(dish.variant, client.iddsi_food_level, client.iddsi_drink_level),
                          "allergens": list(dish.variant.allergens or ()), "source": source, "order_id": order_id})
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     detail={"date": day.isoformat()}, organisation_id=client.organisation_id)
        uow.commit()
        return meals
