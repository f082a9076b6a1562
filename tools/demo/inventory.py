"""The demo's stock: a warehouse and two vans in Roeselare with lots of every delivered
dish (long-life ones once, the chilled kitchen run day by day), reorder rules, appliances
and delivery schedules for the clients at home, last week's plans (a copy of this week's,
so there is a week to look back on), and the nightly reorder run day by day up to today
with every due delivery picked and delivered — but for one client with a caregiver, whom
nobody answered the door for in the last week (the care team's missed-delivery alert).
Found by natural key first and run once per day, so running the demo twice changes
nothing the second time."""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import confirm_delivery, pick_order
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.nightly_reorder import run_reorder
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import ConsumptionPosting, DeliverySchedule, Location, Lot, ReorderRule
from nutriplat.inventory.products import product_catalogue
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from tools.demo.catalogue.seed import this_monday
from tools.demo.seed import SeedReport

WAREHOUSE = "Centraal magazijn Roeselare"
VANS = ("Bestelwagen 1 (koel/vries)", "Bestelwagen 2 (koel/vries)")
SCHEDULES = (["mon", "thu"], ["tue", "fri"], ["wed", "sat"])
NOT_ANSWERED_DAYS = 7  # two delivery days a week: the last two deliveries, so the rule's "twice in a row"


def seed_stock(factory: sessionmaker[Session], report: SeedReport, today: date,
               progress: Callable[[Iterable[int]], Iterable[int]] = lambda days: days) -> None:
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = s.scalar(select(Organisation).where(Organisation.type == "provider").order_by(Organisation.id))
        supplier = s.scalar(select(Organisation).where(Organisation.type == "supplier").order_by(Organisation.id))
        if provider is None or supplier is None:
            return
        warehouse, vans = _depot(s, provider.id, report)
        _lots_and_rules(s, provider.id, supplier.id, warehouse, today, report)
        _homes(s, provider.id, warehouse, report)
        _last_week(s, report)
        uow.commit()
    _simulate(factory, (provider.id, supplier.id, warehouse), today, vans[0], report, progress)


def _depot(s: Session, organisation_id: int, report: SeedReport) -> tuple[int, list[int]]:
    ids = []
    for kind, name in (("warehouse", WAREHOUSE), *(("vehicle", van) for van in VANS)):
        location = s.scalar(select(Location).where(Location.organisation_id == organisation_id, Location.name == name))
        if location is None:
            location = Location(organisation_id=organisation_id, kind=kind, name=name)
            s.add(location)
            s.flush()
            report.count("stock locations")
        ids.append(location.id)
    return ids[0], ids[1:]


def _lots_and_rules(s: Session, organisation_id: int, supplier_id: int, warehouse: int, today: date,
                    report: SeedReport) -> None:
    """A lot of every long-life delivered variant (frozen, bottled), made before the
    simulated days; and a min/max reorder rule per product."""
    ruled = set(s.execute(select(ReorderRule.dish_id, ReorderRule.texture).where(
        ReorderRule.warehouse_id == warehouse)).all())
    for product, info in _delivered(s).items():
        if product not in ruled:
            s.add(ReorderRule(organisation_id=organisation_id, warehouse_id=warehouse, dish_id=product[0],
                              texture=product[1], minimum=20, maximum=120, pack_multiple=12,
                              home_pack_size=2 if info.kind == "drink" else 1, supplier_id=supplier_id,
                              lead_time_days=2))
            report.count("reorder rules")
    _receive(s, organisation_id, supplier_id, warehouse, this_monday() - timedelta(days=14), long_life=True,
             report=report)


def _receive(s: Session, organisation_id: int, supplier_id: int, warehouse: int, produced: date,
             long_life: bool, report: SeedReport) -> None:
    """The kitchen's lots made on ``produced`` (long-life ones, or the chilled day's run),
    received the day after; a lot already there is not received twice."""
    lots = []
    planned = set(s.execute(select(DishVariant.dish_id, DishVariant.texture).join(
        MealPlanItem, MealPlanItem.variant_id == DishVariant.id)).all())
    known = set(s.scalars(select(Lot.supplier_lot_code).where(Lot.production_date == produced)))
    for product, info in _delivered(s).items():
        if not long_life and product not in planned:
            continue  # the chilled run makes what is planned
        variant = s.get(DishVariant, info.current_variant_id)
        assert variant is not None
        code = f"MK-{produced:%y%m%d}-{variant.id}"
        if (variant.shelf_life_days > 30) != long_life or code in known:
            continue
        lot = Lot(organisation_id=organisation_id, variant_id=variant.id, dish_id=product[0], texture=product[1],
                  supplier_id=supplier_id, supplier_lot_code=code, production_date=produced,
                  expiry_date=produced + timedelta(days=variant.shelf_life_days))
        s.add(lot)
        lots.append(lot)
    s.flush()
    Ledger(s, None).post([Move("receipt", lot.id, 150 if long_life else 30, None, warehouse,
                               produced + timedelta(days=1)) for lot in lots], organisation_id, returning=False)
    if lots:
        report.count("lots", len(lots))


def _delivered(s: Session) -> dict:  # type: ignore[type-arg]
    return {p: info for p, info in product_catalogue(s).items() if info.stocked and info.current_variant_id}


def _homes(s: Session, organisation_id: int, warehouse: int, report: SeedReport) -> None:
    """A rented freezer, the client's fridge and cupboard, and two delivery days a week."""
    equipped = set(s.scalars(select(Location.client_id).where(Location.client_id.is_not(None))))
    scheduled = set(s.scalars(select(DeliverySchedule.client_id)))
    clients = s.scalars(select(Client).where(Client.organisation_id == organisation_id,
                                             Client.care_setting == "home").order_by(Client.id))
    for n, client in enumerate(clients):
        rng = random.Random(client.id)
        if client.id not in equipped:
            s.add_all([Location(organisation_id=organisation_id, kind="home",
                                name=f"{client.family_name} #{client.id} — {kind}",
                                client_id=client.id, appliance_type=kind, capacity_l=capacity, storage_class=storage)
                       for kind, storage, capacity in (("freezer", "frozen", rng.choice((60.0, 90.0))),
                                                       ("fridge", "chilled", 25.0), ("cupboard", "ambient", None))])
            report.count("home appliances", 3)
        if client.id not in scheduled:
            s.add(DeliverySchedule(client_id=client.id, weekdays=SCHEDULES[n % 3], lead_time_days=1,
                                   cutoff_time=time(14), warehouse_id=warehouse))
            report.count("delivery schedules")
    s.flush()


def _last_week(s: Session, report: SeedReport) -> None:
    """Last week's approved plan, a copy of this week's, where there is none."""
    monday = this_monday()
    had = set(s.scalars(select(MealPlan.client_id).where(MealPlan.week_start == monday - timedelta(days=7))))
    for plan in s.scalars(select(MealPlan).where(MealPlan.week_start == monday, MealPlan.status == "approved")):
        if plan.client_id in had:
            continue
        s.add(MealPlan(client_id=plan.client_id, week_start=monday - timedelta(days=7), revision=1,
                       status="approved", profile=plan.profile, solver={"status": "COPIED"},
                       created_by=plan.created_by, approved_by=plan.approved_by, approved_at=plan.approved_at,
                       days=[MealPlanDay(date=day.date - timedelta(days=7), energy_kcal_target=day.energy_kcal_target,
                                         protein_g_target=day.protein_g_target, fluid_ml_target=day.fluid_ml_target,
                                         feasible=day.feasible, explanation=day.explanation,
                                         items=[MealPlanItem(position=i.position, slot=i.slot, occurrence=i.occurrence,
                                                             variant_id=i.variant_id, portions=i.portions)
                                                for i in day.items]) for day in plan.days]))
        report.count("approved meal plans (last week)")


def _simulate(factory: sessionmaker[Session], organisations: tuple[int, int, int], today: date, van: int,
              report: SeedReport, progress: Callable[[Iterable[int]], Iterable[int]]) -> None:
    """Each day not run yet, from the weekend before last week's plan: the chilled lots
    made the day before arrive, the nightly run orders, and the day's deliveries go out
    (today's are picked onto a van, earlier ones delivered)."""
    new = lambda: UnitOfWork(factory)  # noqa: E731
    with new() as uow:
        posted = uow.session.scalar(select(func.max(ConsumptionPosting.day)))
        absent = _not_answering(uow.session)
    first = this_monday() - timedelta(days=9)
    start = max(posted + timedelta(days=1), first) if posted else first
    for offset in progress(range((today - start).days + 1)):
        day = start + timedelta(days=offset)
        with new() as uow:
            _receive(uow.session, *organisations, day - timedelta(days=1), long_life=False, report=report)
            uow.commit()
        counts = run_reorder(new, day, SYSTEM).counts
        if ordered := counts["delivery_orders"] + counts["extra_deliveries"]:
            report.count("delivery orders", ordered)
        with new() as uow:
            due = list(uow.session.execute(select(DeliveryOrder.id, DeliveryOrder.client_id).where(  # home orders
                DeliveryOrder.delivery_date == day, DeliveryOrder.status == "planned",  # (a ward's: its facility)
                DeliveryOrder.ward_id.is_(None)).order_by(DeliveryOrder.id)))
        for order_id, client_id in due:
            if day == today:
                pick_order(new(), SYSTEM, order_id, van)
            elif client_id == absent and day >= today - timedelta(days=NOT_ANSWERED_DAYS):
                confirm_delivery(new(), SYSTEM, order_id, "not_home", on=day)
                report.count("deliveries not answered")
            else:
                confirm_delivery(new(), SYSTEM, order_id, "delivered", on=day)
                report.count("deliveries")


def _not_answering(s: Session) -> int | None:
    """The last client at home with a caregiver's mandate (one of ``mantelzorger.an``'s). A dietitian expects a missed
    delivery to reach the caregiver (the default route: caregiver + logistics): the caregiver
    can go and look or call, while the clinical alerts stay with the dietitian and the GP."""
    return s.scalar(select(DeliverySchedule.client_id).join(
        CaregiverMandate, CaregiverMandate.client_id == DeliverySchedule.client_id).where(
        CaregiverMandate.withdrawn_at.is_(None)).order_by(DeliverySchedule.client_id.desc()).limit(1))
