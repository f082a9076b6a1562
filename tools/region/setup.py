"""The region's organisations, users, facilities (a site and a ward each), depots with
their vans and drivers, the catalogue with stock and reorder rules in every depot, and the
billing rules (plans, tariffs, segments): the few hundred rows everything else points to."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.auth.passwords import Passwords
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import Depot, Driver, Van
from nutriplat.facilities.models import Site, Ward
from nutriplat.inventory.models import Location, ReorderRule
from nutriplat.periods import Period, last_complete_quarter
from tools.bench.indicators_data import starter_agreement
from tools.builders import stock
from tools.demo import billing_data
from tools.demo.billing_rules import seed_rules
from tools.demo.delivery import FLEET
from tools.demo.population.people import password_for
from tools.demo.seed import SeedReport
from tools.region.people import Facility
from tools.region.places import DEPOTS

VANS_PER_DEPOT = 12
AGREEMENT = "Regio West-Vlaanderen"
COFINANCER_USER = "cofinancier.regio"
FOOD_LEVELS = ("7", "7EC", "6", "5", "4", "3")  # every IDDSI food level the demo's clinical mix prescribes
DIETITIANS = tuple(f"dietist.regio{n}" for n in range(1, 11))
STAFF = (("admin.regio", "admin", "Beheer NutriPlat West-Vlaanderen"),
         ("logistiek.regio", "logistics", "Logistiek West-Vlaanderen"),
         *((name, "dietitian", f"Diëtist(e) regio {n}") for n, name in enumerate(DIETITIANS, start=1)))


def organisations(session: Session, sites: list[Facility]) -> tuple[int, int, list[int]]:
    """The provider, the supplier and a ward per facility; their ids."""
    provider = Organisation(name="NutriPlat West-Vlaanderen", type="provider")
    supplier = Organisation(name="Keuken West-Vlaanderen bv", type="supplier")
    # The demo's billing rules name their cofinancer, fund and referring GP practice.
    cofinancer = Organisation(name=billing_data.COFINANCER, type="cofinancer")
    session.add_all([provider, supplier, cofinancer, Organisation(name=billing_data.FUND, type="fund"),
                     Organisation(name=billing_data.GP, type="referrer")])
    session.flush()
    session.add(User(username=COFINANCER_USER, display_name="Zorgfonds West-Vlaanderen", role="cofinancer",
                     organisation_id=cofinancer.id, password_hash=Passwords().hash(password_for("cofinancer"))))
    wards = []
    for facility in sites:
        org = Organisation(name=facility.name, type="care_facility")
        session.add(org)
        session.flush()
        site = Site(organisation_id=provider.id, facility_id=org.id, name=facility.name, street="Zorgstraat 1",
                    postal_code=facility.town.postal_code, city=facility.town.city, country="BE",
                    lat=facility.lat, lon=facility.lon)
        session.add(site)
        session.flush()
        ward = Ward(organisation_id=provider.id, facility_id=org.id, site_id=site.id, name="Afdeling 1",
                    setting=facility.setting)
        session.add(ward)
        session.flush()
        wards.append(ward.id)
    return provider.id, supplier.id, wards


def agreement(session: Session, provider_id: int, today: date) -> int:
    """The cofinancer's agreement on the starter indicators: its baseline two quarters before
    the last complete one, which the nightly measurement reports on."""
    cofinancer = session.scalar(select(Organisation.id).where(Organisation.name == billing_data.COFINANCER))
    assert cofinancer is not None
    baseline = last_complete_quarter(today).start - timedelta(days=180)
    quarter = Period.parse(f"{baseline.year}Q{(baseline.month + 2) // 3}")
    return starter_agreement(session, provider_id, cofinancer, AGREEMENT, quarter.start, quarter.label).id


def users(session: Session, provider_id: int) -> dict[str, int]:
    passwords = Passwords()
    rows = [User(username=name, display_name=display, role=role, organisation_id=provider_id,
                 password_hash=passwords.hash(password_for(role))) for name, role, display in STAFF]
    session.add_all(rows)
    session.flush()
    return {u.username: u.id for u in rows}


def depots(session: Session, provider_id: int, supplier_id: int,
           today: date) -> tuple[list[int], list[stock.Product]]:
    """Each depot's warehouse with stock of every product and reorder rules, and its vans;
    the warehouses' ids and the catalogue's products."""
    products = stock.catalogue(session, "Regio", scale=2, levels=FOOD_LEVELS)
    warehouses = []
    for n, (town, lat, lon) in enumerate(DEPOTS):
        warehouse, first_van = stock.depot(session, provider_id, f"Depot {town}")
        session.add(Depot(warehouse_id=warehouse, organisation_id=provider_id, lat=lat, lon=lon,
                          opens_at=time(6), closes_at=time(20)))
        session.flush()
        # A lot code is unique per provider: each depot received its lots on another day.
        stock.stock(session, provider_id, warehouse, products, today - timedelta(days=2 + n), 50_000, supplier_id)
        session.execute(insert(ReorderRule), [
            {"organisation_id": provider_id, "warehouse_id": warehouse, "dish_id": d, "texture": t,
             "minimum": 20_000, "maximum": 60_000, "pack_multiple": 24, "supplier_id": supplier_id,
             "lead_time_days": 2} for d, t in sorted({(p.dish_id, p.texture) for p in products})])
        _vans(session, provider_id, warehouse, first_van, town, n)
        warehouses.append(warehouse)
    return warehouses, products


def _vans(session: Session, provider_id: int, warehouse: int, first_van: int, town: str, depot: int) -> None:
    """``VANS_PER_DEPOT`` vans in the demo fleet's four kinds, each with its driver."""
    for k in range(VANS_PER_DEPOT):
        _, driver_name, litres, freezer, chilled, kg, (start, end) = FLEET[k % len(FLEET)]
        location = first_van if k == 0 else _vehicle(session, provider_id, f"Depot {town} — bestelwagen {k + 1}")
        driver = Driver(organisation_id=provider_id, name=f"{driver_name} ({town} {k + 1})")
        session.add(driver)
        session.flush()
        long_shift = end > time(14)
        session.add(Van(location_id=location, organisation_id=provider_id, depot_id=warehouse, driver_id=driver.id,
                        capacity_kg=kg, freezer_l=freezer, chilled_l=chilled, shift_start=start, shift_end=end,
                        break_earliest=time(11, 30) if long_shift else None,
                        break_latest=time(13) if long_shift else None, break_minutes=30 if long_shift else 0,
                        fixed_cost_eur=Decimal("10.00")))
        session.get_one(Location, location).capacity_l = litres
    session.flush()


def _vehicle(session: Session, provider_id: int, name: str) -> int:
    location = Location(organisation_id=provider_id, kind="vehicle", name=name)
    session.add(location)
    session.flush()
    return location.id


def billing(new_uow: Callable[[], UnitOfWork], admin: int, provider_id: int, today: date) -> list[int]:
    """The demo's plans, tariffs and segments, through the billing services; the plans' ids."""
    staff = Actor(admin, "admin.regio", "admin", provider_id, purpose="region scenario")
    return sorted(seed_rules(new_uow, staff, today, SeedReport()).values())

