"""The demo's delivery routes: the Roeselare warehouse as a depot, four vans with their
drivers (one of them the logistics user), a delivery window per client at home, and
(``seed_route_plans``, once the wards have their orders) a published route plan for the
next delivery day and for the next day the care facilities' crates go out, their sites
as stops beside the homes (solved in 5 s each). Found by natural key first; the plan is
made once per depot and day, so a second run changes nothing."""
from __future__ import annotations

import random
from datetime import date, time
from decimal import Decimal

import click
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation, User
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import ClientWindow, DeliveryOrder, Depot, Driver, RoutePlan, Van
from nutriplat.delivery.planning.publish import publish_plan
from nutriplat.delivery.planning.runs import start_plan
from nutriplat.delivery.planning.solve import solve_plan
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.errors import DomainError
from nutriplat.inventory.models import Location
from tools.demo.inventory import VANS, WAREHOUSE
from tools.demo.seed import SeedReport

DEPOT = (50.9465, 3.1228)  # Roeselare
# (van, driver, litres, freezer, chilled, kg, shift)
FLEET = ((VANS[0], "Luc Vandenbussche", 900.0, 300.0, 400.0, 800.0, (time(8), time(16, 30))),
         (VANS[1], "Sofie Declercq", 900.0, 300.0, 400.0, 800.0, (time(8), time(16, 30))),
         ("Bestelwagen 3 (koel/vries)", "Kurt Verhaeghe", 700.0, 200.0, 300.0, 600.0, (time(9), time(17))),
         ("Bestelwagen 4 (koel)", "Els Vanhoutte", 600.0, 0.0, 450.0, 500.0, (time(9), time(13))))
WINDOWS = ((time(9), time(12)), (time(10), time(13)), (time(13), time(17)), (time(9), time(17)))
TIME_LIMIT_S = 5.0


def seed_delivery(factory: sessionmaker[Session], report: SeedReport, today: date) -> None:
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = s.scalar(select(Organisation).where(Organisation.type == "provider").order_by(Organisation.id))
        warehouse = provider and s.scalar(select(Location).where(
            Location.organisation_id == provider.id, Location.name == WAREHOUSE))
        if provider is None or warehouse is None:
            return
        _depot(s, provider.id, warehouse.id, report)
        _fleet(s, provider.id, warehouse.id, report)
        _windows(s, provider.id, report)
        uow.commit()


def seed_route_plans(factory: sessionmaker[Session], report: SeedReport, today: date) -> None:
    """After the ward orders are made (tools.demo.wards): the next delivery day's plan, and
    the next day with ward orders if that is another day."""
    with UnitOfWork(factory) as uow:
        s = uow.session
        depot = s.scalar(select(Depot.warehouse_id).join(Location, Location.id == Depot.warehouse_id).where(
            Location.name == WAREHOUSE).order_by(Depot.warehouse_id).limit(1))
        if depot is None:
            return
        upcoming = select(DeliveryOrder.delivery_date).where(
            DeliveryOrder.warehouse_id == depot, DeliveryOrder.delivery_date > today,
            DeliveryOrder.status.in_(OPEN_ORDER_STATUSES)).order_by(DeliveryOrder.delivery_date).limit(1)
        days = {s.scalar(upcoming), s.scalar(upcoming.where(DeliveryOrder.ward_id.is_not(None)))} - {None}
    for day in sorted(d for d in days if d is not None):
        _published_plan(factory, depot, day, report)


def _depot(s: Session, organisation_id: int, warehouse_id: int, report: SeedReport) -> None:
    if s.get(Depot, warehouse_id) is None:
        s.add(Depot(warehouse_id=warehouse_id, organisation_id=organisation_id, lat=DEPOT[0], lon=DEPOT[1],
                    opens_at=time(7), closes_at=time(19)))
        s.flush()
        report.count("depots")


def _fleet(s: Session, organisation_id: int, warehouse_id: int, report: SeedReport) -> None:
    logistics = s.scalar(select(User).where(User.organisation_id == organisation_id, User.role == "logistics")
                         .order_by(User.id))
    for name, driver_name, litres, freezer, chilled, kg, (start, end) in FLEET:
        driver = s.scalar(select(Driver).where(Driver.organisation_id == organisation_id, Driver.name == driver_name))
        if driver is None:
            linked = logistics.id if logistics and logistics.display_name == driver_name else None
            driver = Driver(organisation_id=organisation_id, name=driver_name, user_id=linked)
            s.add(driver)
            s.flush()
            report.count("drivers")
        location = s.scalar(select(Location).where(Location.organisation_id == organisation_id, Location.name == name))
        if location is None:
            location = Location(organisation_id=organisation_id, kind="vehicle", name=name)
            s.add(location)
            s.flush()
        if s.get(Van, location.id) is None:
            location.capacity_l = litres
            s.add(Van(location_id=location.id, organisation_id=organisation_id, depot_id=warehouse_id,
                      driver_id=driver.id, capacity_kg=kg, freezer_l=freezer, chilled_l=chilled, shift_start=start,
                      shift_end=end, break_earliest=time(11, 30) if end > time(14) else None,
                      break_latest=time(13) if end > time(14) else None, break_minutes=30 if end > time(14) else 0,
                      fixed_cost_eur=Decimal("10.00")))
            report.count("vans")
    s.flush()


def _windows(s: Session, organisation_id: int, report: SeedReport) -> None:
    """A window for every client at home who has none (some mornings, some afternoons)."""
    known = set(s.scalars(select(ClientWindow.client_id)))
    clients = s.scalars(select(Client.id).where(Client.organisation_id == organisation_id,
                                                Client.care_setting == "home").order_by(Client.id))
    for client_id in (c for c in clients if c not in known):
        s.add(ClientWindow(**window_for(client_id)))
        report.count("delivery windows")


def window_for(client_id: int) -> dict[str, object]:
    """A client's delivery window, drawn from their id: the same on every run."""
    rng = random.Random(client_id)
    start, end = rng.choice(WINDOWS)
    return {"client_id": client_id, "starts_at": start, "ends_at": end, "service_minutes": rng.choice((5, 5, 8, 10))}


def _published_plan(factory: sessionmaker[Session], warehouse_id: int, day: date, report: SeedReport) -> None:
    """The day's plan, solved and published once."""
    new = lambda: UnitOfWork(factory)  # noqa: E731
    with new() as uow:
        plan = uow.session.scalar(select(RoutePlan).where(
            RoutePlan.depot_id == warehouse_id, RoutePlan.delivery_date == day, RoutePlan.status == "done")
            .order_by(RoutePlan.published_at.is_(None), RoutePlan.id))
    if plan is not None and plan.published_at is not None:
        return
    try:
        if plan is None:
            plan = start_plan(new(), SYSTEM, warehouse_id, day, TIME_LIMIT_S)
            solve_plan(new, plan.id)
        with new() as uow:
            version = uow.session.get_one(RoutePlan, plan.id).version
        publish_plan(new(), SYSTEM, plan.id, version)
        report.count("published route plans")
    except DomainError as error:  # e.g. a client without coordinates: the demo goes on without routes
        click.echo(f"No route plan for {day}: {error.message} {error.errors}", err=True)
