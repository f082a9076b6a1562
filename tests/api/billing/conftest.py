"""Fixtures of the billing API tests: people, a price list, a client, and the
invoicing job run the way the CLI and the scheduler run it."""
from __future__ import annotations

import pytest

from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from nutriplat.periods import Month
from tests.setup_calls import setup

BUNDLE = {"meals_per_week": 14, "package_price": "180.00", "information_platform_price": "9.50",
          "coaching_tool_price": "14.50"}


@pytest.fixture
def admin(world):
    return world.person("ada", "admin")


@pytest.fixture
def dietitian(world):
    return world.person("dora", "dietitian")


@pytest.fixture
def cofinancer(world):
    return world.person("cora", "cofinancer", organisation="Regionaal Zorgfonds")


@pytest.fixture
def price_list(http, admin):
    """Standard plan from January 2026; a freezer to rent; a delivery add-on."""
    plan = http.post("/api/v1/billing/plans", headers=admin.headers, json={
        "code": "standard", "name": "Standard", "version": {"effective_from": "2026-01-01", **BUNDLE}})
    assert plan.status_code == 201, plan.json
    for code, kind, name, price in (("freezer", "rental", "Freezer", "12.00"),
                                    ("delivery", "addon", "Extra delivery", "5.00")):
        tariff = http.post("/api/v1/billing/tariffs", headers=admin.headers, json={
            "code": code, "kind": kind, "name": name,
            "price": {"effective_from": "2026-01-01", "unit_price": price}})
        assert tariff.status_code == 201, tariff.json
    return {"plan": plan.json["id"]}


@pytest.fixture
def client_id(http, dietitian, maria):
    return setup(http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                           headers=dietitian.headers))["id"]


@pytest.fixture
def subscribe(http, dietitian, price_list):
    def subscribe(client_id, start="2026-09-15", rentals=(), plan=None):
        response = http.post(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers, json={
            "plan_id": plan or price_list["plan"], "start_date": start,
            "rentals": [{"appliance": a, "quantity": n} for a, n in rentals]})
        assert response.status_code == 201, response.json
        return response.json
    return subscribe


@pytest.fixture
def change(http, dietitian):
    def change(subscription_id, kind, on, **extra):
        return http.post(f"/api/v1/subscriptions/{subscription_id}/changes", headers=dietitian.headers,
                         json={"kind": kind, "effective_on": on, **extra})
    return change


@pytest.fixture
def invoice_month(app):
    """Run the invoicing job for a month, as ``nutriplat jobs run invoicing`` does. Every
    subscribed client had the information platform and a coaching session that month
    (issue 18: components b and c are billed only then), unless ``used=False``."""
    factory = app.extensions["nutriplat"].session_factory

    def run(month: str, used: bool = True) -> dict[str, int]:
        if used:
            platform_and_coaching_used(UnitOfWork(factory), Month.parse(month))
        return JOBS["invoicing"].run(lambda: UnitOfWork(factory), Month.parse(month))
    return run


def platform_and_coaching_used(uow: UnitOfWork, month: Month) -> None:
    """An item of the library given to each subscribed client, and a session held in ``month``."""
    from datetime import datetime, time

    from sqlalchemy import select

    from nutriplat.billing.models import Subscription
    from nutriplat.clock import BRUSSELS
    from nutriplat.coaching.models import CoachingSession
    from nutriplat.content.models import ContentAssignment, ContentItem

    with uow:
        session = uow.session
        for client_id, organisation_id in set(session.execute(
                select(Subscription.client_id, Subscription.organisation_id))):
            item = session.scalar(select(ContentItem).where(ContentItem.organisation_id == organisation_id))
            if item is None:
                item = ContentItem(organisation_id=organisation_id, key="fluid-daily", kind="article",
                                   topic="fluid", lang="en", title="Drinking enough", body="1.5 to 2 litres a day.",
                                   author="The dietitians", reviewed_on=month.first)
                session.add(item)
                session.flush()
            session.add(ContentAssignment(organisation_id=organisation_id, client_id=client_id,
                                          content_item_id=item.id, assigned_on=month.first))
            session.add(CoachingSession(organisation_id=organisation_id, client_id=client_id, status="held",
                                        mode="phone", held_on=month.first,
                                        held_at=datetime.combine(month.first, time(10), tzinfo=BRUSSELS)))
        uow.commit()


@pytest.fixture
def invoices(http, admin):
    def invoices(month, person=None, **query):
        response = http.get("/api/v1/invoices", headers=(person or admin).headers,
                            query_string={"month": month, "page_size": 100, **query})
        assert response.status_code == 200, response.json
        return response.json
    return invoices


@pytest.fixture
def by_kind():
    """An invoice's lines grouped by kind."""
    def group(invoice):
        out = {}
        for line in invoice["lines"]:
            out.setdefault(line["kind"], []).append(line)
        return out
    return group


@pytest.fixture
def dish_variant(uow):
    """A catalogue dish with one variant at €8.75 (written directly: billing only reads
    the catalogue's id, name and price)."""
    from decimal import Decimal

    from nutriplat.catalogue.models import Dish, DishVariant

    with uow:
        dish = Dish(name="Vlaamse stoverij", kind="ready_meal", course="main")
        dish.variants = [DishVariant(
            texture="food:5", name="Vlaamse stoverij (minced & moist)", energy_kcal=520, protein_g=32,
            fat_g=18, carbohydrate_g=55, fibre_g=6, fluid_ml=250, sodium_mg=800,
            price_eur=Decimal("8.75"), storage_class="chilled", volume_l=0.6, shelf_life_days=5)]
        uow.session.add(dish)
        uow.commit()
        return {"dish": dish.id, "variant": dish.variants[0].id}
