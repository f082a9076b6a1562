"""A ward's crate carries what the warehouse stocks (issue 20, short stops): tap water and
coffee (IDDSI 0 drinks) in a resident's plan come from the ward's own kitchen, like a
client's at home; on the crate they made every ward order impossible to pick."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from tests.facilities_world import MONDAY, THURSDAY
from tools.builders.stock import NUTRIENTS

pytestmark = pytest.mark.business_day("2026-12-07")


def test_thin_drinks_in_the_residents_plans_never_go_on_the_wards_crate(served):
    with served["uow"]() as uow:
        s = uow.session
        water = Dish(name="Water", kind="ready_meal", course="drink", keywords=[])
        s.add(water)
        s.flush()
        variant = DishVariant(dish_id=water.id, texture="drink:0", version=1, name="Water (IDDSI 0)", allergens=[],
                              slots=["lunch"], seasoning_options=[], price_eur=Decimal("0.50"),
                              storage_class="ambient", volume_l=0.2, shelf_life_days=365, **NUTRIENTS)
        s.add(variant)
        s.flush()
        days = s.scalars(select(MealPlanDay).join(MealPlan, MealPlan.id == MealPlanDay.plan_id).where(
            MealPlan.client_id.in_(served["residents"]), MealPlan.status == "approved",
            MealPlanDay.date == THURSDAY)).all()
        assert days, "the residents have an approved plan on Thursday"
        s.add_all([MealPlanItem(day_id=d.id, position=99, slot="lunch", variant_id=variant.id, portions=1.0)
                   for d in days])
        uow.commit()
        water_id = variant.id

    counts = served["run"](MONDAY)

    assert counts["orders"] == 1
    with served["uow"]() as uow:
        lines = uow.session.scalars(select(DeliveryOrderLine).join(
            DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id).where(DeliveryOrder.origin == "ward")).all()
    assert lines and water_id not in {line.variant_id for line in lines}
    assert {line.texture for line in lines} and all(not line.texture.startswith("drink:0") for line in lines)
