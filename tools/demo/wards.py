"""The demo's intramural supply (issue 16): the provider's record of the care facilities
it serves (De Vlasbloem, Ter Beke, AZ Delta's wards) with sites, wards and rooms; the
nursing-home and hospital clients placed on wards and in rooms; the ward staff assigned;
a service agreement per facility; the central kitchen (where the meals are made; the ward
crates leave from the route depot nearest each site, as home orders do); and the nightly
ward ordering of the week up to the reference day. Idempotent: rows are found by name."""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import SYSTEM
from nutriplat.billing.facility_stays import follow_agreement
from nutriplat.billing.models import SubscriptionChange
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.ward_ordering import run_ward_orders
from nutriplat.facilities.agreements import changed
from nutriplat.facilities.models import Room, ServiceAgreement, Site, Ward, WardStaff
from nutriplat.inventory.models import Location
from tools.demo.population import Population, people, places
from tools.demo.population.model import CareSite
from tools.demo.seed import SeedReport

KITCHEN = "Centrale keuken Roeselare"
# Per care site: its facility organisation, its wards (name, first room number, rooms), the
# ward staff user and the wards they work on, and the agreement's pricing.
FACILITIES = {
    "wzc-de-vlasbloem": (people.VLASBLOEM, (("Lelie", 101, 20), ("Roos", 201, 20)), "afdeling.vlasbloem",
                         ("Lelie", "Roos"), ("per_resident_day", Decimal("18.50"))),
    "wzc-ter-beke": ("ter-beke", (("Beuk", 1, 24),), None, (), ("per_resident_day", Decimal("18.50"))),
    "az-delta-roeselare": (people.AZ_DELTA_WARDS, (("C4 Geriatrie", 401, 16), ("D2 Neurologie", 201, 16)),
                           "afdeling.azdelta", ("C4 Geriatrie",), ("per_meal", Decimal("9.80"))),
}


def seed_wards(factory: sessionmaker[Session], population: Population, org_ids: dict[str, int],
               user_ids: dict[str, int], report: SeedReport, today: date) -> None:
    provider = org_ids[people.PROVIDER]
    with UnitOfWork(factory) as uow:
        s = uow.session
        for site in places.SITES:
            facility_key, wards, staff, staffed, pricing = FACILITIES[site.key]
            made = _site(s, provider, org_ids[facility_key], site, wards, report)
            for name in staffed:
                _assign(s, made[name], user_ids[staff or ""], report)
            _agreement(s, provider, org_ids[facility_key], list(made.values()), pricing, today, report)
            _place(s, provider, population, site, list(made.values()), report)
        _kitchen(s, provider, report)
        uow.commit()
    _pause_while_facility_pays(factory, provider, report)
    # The nightly runs of the week before, then today's: the crates this week's trays come from.
    for back in range(7, -1, -1):
        counts = run_ward_orders(lambda: UnitOfWork(factory), today - timedelta(days=back))
        if counts["orders"]:
            report.count("ward orders", counts["orders"])


def _site(s: Session, provider: int, facility: int, care_site: CareSite,
          wards: tuple[tuple[str, int, int], ...], report: SeedReport) -> dict[str, Ward]:
    site = s.scalar(select(Site).where(Site.organisation_id == provider, Site.facility_id == facility))
    if site is None:
        site = Site(organisation_id=provider, facility_id=facility, name=care_site.name,
                    street=care_site.address.street, postal_code=care_site.address.postal_code,
                    city=care_site.address.city, country="BE", lat=care_site.location.lat,
                    lon=care_site.location.lon)
        s.add(site)
        s.flush()
        report.count("facility sites")
    made = {}
    for name, first_room, rooms in wards:
        ward = s.scalar(select(Ward).where(Ward.site_id == site.id, Ward.name == name))
        if ward is None:
            ward = Ward(organisation_id=provider, facility_id=facility, site_id=site.id, name=name,
                        setting=care_site.care_setting)
            s.add(ward)
            s.flush()
            s.add_all(Room(ward_id=ward.id, number=str(first_room + n), beds=1 if care_site.care_setting == "hospital"
                           else 2) for n in range(rooms))
            s.flush()
            report.count("wards")
        made[name] = ward
    return made


def _assign(s: Session, ward: Ward, user_id: int, report: SeedReport) -> None:
    if s.scalar(select(WardStaff).where(WardStaff.ward_id == ward.id, WardStaff.user_id == user_id)) is None:
        s.add(WardStaff(ward_id=ward.id, user_id=user_id))
        report.count("ward staff assignments")


def _agreement(s: Session, provider: int, facility: int, wards: list[Ward], pricing: tuple[str, Decimal],
               today: date, report: SeedReport) -> None:
    if s.scalar(select(ServiceAgreement).where(ServiceAgreement.organisation_id == provider,
                                               ServiceAgreement.facility_id == facility)) is None:
        s.add(ServiceAgreement(organisation_id=provider, facility_id=facility, ward_ids=[w.id for w in wards],
                               meal_moments=["breakfast", "lunch", "dinner", "snack"], delivery_days=[1, 4],
                               cutoff_days_before=1, cutoff_time=time(14), pricing=pricing[0], price_eur=pricing[1],
                               invoice_to="facility", valid_from=today.replace(day=1)))
        report.count("service agreements")


def _place(s: Session, provider: int, population: Population, care_site: CareSite, wards: list[Ward],
           report: SeedReport) -> None:
    """Each client living at the site gets a ward and a room (in turn), as a transfer would."""
    keys = [c.key for c in population.clients if c.care_site_key == care_site.key]
    clients = list(s.scalars(select(Client).where(Client.organisation_id == provider, Client.external_ref.in_(keys),
                                                  Client.care_setting == care_site.care_setting).order_by(Client.id)))
    for n, client in enumerate(clients):
        if client.ward_id is not None:
            continue
        ward = wards[n % len(wards)]
        rooms = list(s.scalars(select(Room).where(Room.ward_id == ward.id).order_by(Room.number)))
        client.ward_id, client.room_id = ward.id, rooms[(n // len(wards)) % len(rooms)].id
        if client.setting_history:  # the move that brought them here names the ward too
            client.setting_history[-1].ward_id, client.setting_history[-1].room_id = client.ward_id, client.room_id
        report.count("clients on wards")


def _pause_while_facility_pays(factory: sessionmaker[Session], provider: int, report: SeedReport) -> None:
    """The agreements above are seeded, not made through the facilities service, so billing
    hears of each one here as it would of one an admin makes (``ServiceAgreementChanged``):
    the residents already on its wards pause their own subscription from its first day, so no
    meal is billed twice. A second run finds them paused."""
    with UnitOfWork(factory) as uow:
        made = [changed(agreement, SYSTEM) for agreement in uow.session.scalars(select(ServiceAgreement).where(
            ServiceAgreement.organisation_id == provider).order_by(ServiceAgreement.id))]
        paused = uow.session.scalar(select(func.count(SubscriptionChange.id)).where(SubscriptionChange.kind == "pause"))
    for event in made:
        follow_agreement(UnitOfWork(factory), event)
    with UnitOfWork(factory) as uow:
        now = uow.session.scalar(select(func.count(SubscriptionChange.id)).where(SubscriptionChange.kind == "pause"))
    if now and now > (paused or 0):
        report.count("subscriptions paused while the facility pays", now - (paused or 0))


def _kitchen(s: Session, provider: int, report: SeedReport) -> None:
    if s.scalar(select(Location).where(Location.organisation_id == provider, Location.name == KITCHEN)) is None:
        s.add(Location(organisation_id=provider, kind="warehouse", name=KITCHEN))
        report.count("stock locations")
