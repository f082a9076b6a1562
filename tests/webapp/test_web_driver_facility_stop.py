"""Issue 16 item 5 on the driver's phone: a care facility's stop is headed by the facility,
names the site delivered and its address, and lists the crates per ward (never the
residents); the stop is confirmed like a home's. Another organisation's driver gets 404."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from nutriplat.clients.models import Client
from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import Location
from tests.facilities_world import THURSDAY

pytestmark = pytest.mark.business_day("2026-12-07")
THURSDAY_MORNING = datetime.combine(THURSDAY, datetime.min.time(), BRUSSELS) + timedelta(hours=6)


@pytest.mark.parametrize("lang", ["nl-BE", "en-GB"])
def test_the_driver_sees_the_facility_site_and_crates_per_ward_and_confirms_the_stop(
        web, world, app, served, facility_route, lang):
    page_url = f"/app/logistics/today/{facility_route['plan']}/{facility_route['route']}"
    stop_id = facility_route["stop"]["id"]
    with clock_set_to(THURSDAY_MORNING):
        driver = web(world.person(f"luc-{lang}", "logistics"), lang=lang)
        page = driver.get(page_url)
        assert page.status_code == 200
        heading = re.search(rf'<h2 id="h-stop-{stop_id}">(.*?)</h2>', page.text, re.S).group(1)
        assert "De Vlasbloem" in heading and "hoofdgebouw" not in heading
        card = page.text[page.text.index(f'id="stop-{stop_id}"'):]
        assert "De Vlasbloem hoofdgebouw" in card and "Roeselare" in card and ",  Roeselare" not in card
        crate = "Afdelingsbak" if lang == "nl-BE" else "Ward crate"
        assert re.search(rf'<h3 class="crate">{crate} Lelie</h3>\s*<ul class="plain"><li>\d+ × ', card)
        with app.extensions["nutriplat"].session_factory() as session:  # the crate names no resident
            names = [f"{c.given_name} {c.family_name}" for c in served_clients(session, served)]
        assert not any(name in card for name in names)
        done = driver.post(f"{page_url}/stops/{stop_id}", {
            "outcome": "delivered", "received_by": "Verpleegkundige An", "chilled_c": "3", "frozen_c": "-19"})
        assert done.status_code == 302, re.findall(r"field-error[^>]*>([^<]*)", done.text)
        assert 'class="outcome outcome-delivered"' in driver.get(page_url).text
    with app.extensions["nutriplat"].session_factory() as session:
        assert session.get_one(DeliveryOrder, facility_route["order"]).status == "delivered"
        assert session.scalar(select(Location.id).where(Location.ward_id == served["ward"])) is not None


def test_another_organisations_driver_gets_404(web, world, facility_route):
    with clock_set_to(THURSDAY_MORNING):
        other = web(world.person("otto", "logistics", organisation="Provider B"))
        page = other.get(f"/app/logistics/today/{facility_route['plan']}/{facility_route['route']}")
    assert page.status_code == 404


def served_clients(session, served):
    return session.scalars(select(Client).where(Client.id.in_(served["residents"]))).all()
