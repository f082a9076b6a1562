"""A stock world built straight into the database: catalogue rows, a warehouse and a
van, clients at home with appliances, delivery schedules and approved weekly plans.
Set-based inserts, so the benchmark builds 10,000 clients in seconds; the tests build a
handful. Not used by the service itself."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.clients.models import CareSettingTransfer, Client, StatusChange
from nutriplat.inventory.models import DeliverySchedule, Location
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem

# (course, storage, volume l, shelf life days, slots, how many dishes)
COURSES = (("main", "frozen", 0.45, 180, ["lunch", "dinner"], 6), ("main", "chilled", 0.45, 7, ["lunch", "dinner"], 3),
           ("soup", "chilled", 0.3, 7, ["lunch"], 2), ("dessert", "chilled", 0.15, 10, ["lunch", "dinner", "snack"], 3))
LEVELS = ("7", "6", "5", "4")
NUTRIENTS = {"energy_kcal": 500.0, "protein_g": 25.0, "fat_g": 20.0, "carbohydrate_g": 50.0, "fibre_g": 5.0,
             "fluid_ml": 300.0, "sodium_mg": 800.0}


@dataclass(frozen=True)
class Product:
    variant_id: int
    dish_id: int
    texture: str
    course: str
    allergens: tuple[str, ...]
    storage: str


def catalogue(session: Session, prefix: str = "Gerecht", scale: int = 1,
              levels: Sequence[str] = LEVELS) -> list[Product]:
    """Dishes in the food textures ``levels`` (four by default; milk in every other dish);
    ``scale`` multiplies them."""
    products = []
    for n, (course, storage, volume, shelf, slots, count) in enumerate(COURSES):
        for i in range(count * scale):
            allergens = ["milk"] if i % 2 else []
            dish = Dish(name=f"{prefix} {course} {n}.{i}", kind="ready_meal", course=course, keywords=[])
            session.add(dish)
            session.flush()
            rows = [dict(dish_id=dish.id, texture=f"food:{level}", version=1, name=f"{dish.name} (IDDSI {level})",
                         allergens=allergens, slots=slots, seasoning_options=[], price_eur=Decimal("7.50"),
                         storage_class=storage, volume_l=volume, shelf_life_days=shelf, **NUTRIENTS)
                    for level in levels]
            for variant_id, texture in session.execute(insert(DishVariant).returning(
                    DishVariant.id, DishVariant.texture, sort_by_parameter_order=True), rows):
                products.append(Product(variant_id, dish.id, texture, course, tuple(allergens), storage))
    return products


def depot(session: Session, organisation_id: int, name: str = "Centraal magazijn Roeselare") -> tuple[int, int]:
    """A warehouse and a van; their ids."""
    warehouse = Location(organisation_id=organisation_id, kind="warehouse", name=name)
    van = Location(organisation_id=organisation_id, kind="vehicle", name=f"{name} — bestelwagen 1")
    session.add_all([warehouse, van])
    session.flush()
    return warehouse.id, van.id


def clients_at_home(session: Session, organisation_id: int, count: int, warehouse_id: int, since: date,
                    rng: random.Random, food_level: str | None = None) -> list[int]:
    """Active clients at home, equipped (see ``equip``)."""
    rows = [{"organisation_id": organisation_id, "given_name": "Client", "family_name": f"Nr {i}",
             "birth_date": date(1940, 1, 1) + timedelta(days=i % 5000), "sex": "female", "care_setting": "home",
             "status": "active", "conditions": ["parkinson"], "allergies": [], "dislikes": [],
             "iddsi_food_level": food_level or rng.choice(LEVELS), "iddsi_drink_level": "0", "version": 1}
            for i in range(count)]
    ids = list(session.scalars(insert(Client).returning(Client.id, sort_by_parameter_order=True), rows))
    session.execute(insert(StatusChange), [{"client_id": i, "changed_on": since, "to_status": "active"} for i in ids])
    session.execute(insert(CareSettingTransfer), [{"client_id": i, "transferred_on": since, "to_setting": "home"}
                                                  for i in ids])
    equip(session, organisation_id, ids, warehouse_id)
    return ids


def equip(session: Session, organisation_id: int, ids: Sequence[int], warehouse_id: int) -> None:
    """A freezer (60 l), a fridge (25 l), a cupboard and two delivery days a week per client."""
    homes = [{"organisation_id": organisation_id, "kind": "home", "name": f"client {i} {kind}", "client_id": i,
              "appliance_type": kind, "capacity_l": capacity, "storage_class": storage}
             for i in ids for kind, storage, capacity in (("freezer", "frozen", 60.0), ("fridge", "chilled", 25.0),
                                                          ("cupboard", "ambient", None))]
    session.execute(insert(Location), homes)
    pairs = (["mon", "thu"], ["tue", "fri"], ["wed", "sat"])
    session.execute(insert(DeliverySchedule), [{"client_id": i, "weekdays": pairs[n % 3], "lead_time_days": 1,
                                                "cutoff_time": time(14), "warehouse_id": warehouse_id}
                                               for n, i in enumerate(ids)])


def approved_plans(session: Session, client_ids: Sequence[int], products: Sequence[Product], week_start: date,
                   rng: random.Random, weeks: int = 1) -> None:
    """An approved plan per client and week: two mains, a soup and a dessert a day, in the
    client's texture and without their allergens."""
    levels = dict(session.execute(select(Client.id, Client.iddsi_food_level).where(Client.id.in_(client_ids))).all())
    by_level = {level: {course: [p for p in products if p.texture == f"food:{level}" and p.course == course]
                        for course in ("main", "soup", "dessert")}
                for level in {p.texture.removeprefix("food:") for p in products}}
    for week in range(weeks):
        start = week_start + timedelta(days=7 * week)
        plan_ids = list(session.scalars(insert(MealPlan).returning(MealPlan.id, sort_by_parameter_order=True), [
            {"client_id": c, "week_start": start, "revision": 1, "status": "approved", "profile": {}}
            for c in client_ids]))
        day_rows = [{"plan_id": p, "date": start + timedelta(days=d), "energy_kcal_target": 1800.0,
                     "protein_g_target": 70.0, "fluid_ml_target": 1500.0, "feasible": True}
                    for p in plan_ids for d in range(7)]
        day_ids = list(session.scalars(insert(MealPlanDay).returning(MealPlanDay.id, sort_by_parameter_order=True),
                                       day_rows))
        items = []
        for n, day_id in enumerate(day_ids):
            menu = by_level[levels[client_ids[n // 7]]]
            picks = [("lunch", rng.choice(menu["soup"])), ("lunch", rng.choice(menu["main"])),
                     ("dinner", rng.choice(menu["main"])), ("snack", rng.choice(menu["dessert"]))]
            items += [{"day_id": day_id, "position": i, "slot": slot, "occurrence": 1, "variant_id": p.variant_id,
                       "portions": rng.choice((0.75, 1.0, 1.0, 1.25)), "locked": False}
                      for i, (slot, p) in enumerate(picks)]
        session.execute(insert(MealPlanItem), items)


def stock(session: Session, organisation_id: int, warehouse_id: int, products: Sequence[Product], received: date,
          units: int = 200, supplier_id: int | None = None) -> dict[int, int]:
    """A received lot of every product in the warehouse (mains keep half a year, the
    rest three weeks); variant id → lot id."""
    from nutriplat.inventory.ledger import Ledger, Move
    from nutriplat.inventory.models import Lot

    lots = list(session.scalars(insert(Lot).returning(Lot.id, sort_by_parameter_order=True), [
        {"organisation_id": organisation_id, "variant_id": p.variant_id, "dish_id": p.dish_id, "texture": p.texture,
         "supplier_id": supplier_id, "supplier_lot_code": f"L{received:%y%m%d}-{p.variant_id}",
         "production_date": received - timedelta(days=1),
         "expiry_date": received + timedelta(days=180 if p.course == "main" else 21)} for p in products]))
    Ledger(session, None).post([Move("receipt", lot, units, None, warehouse_id, received) for lot in lots],
                               organisation_id, returning=False)
    return {p.variant_id: lot for p, lot in zip(products, lots, strict=True)}
