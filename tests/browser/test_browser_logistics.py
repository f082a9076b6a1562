"""The planner's journey in Chromium: optimise tomorrow's routes with live progress,
see them on the map, publish, open a driver manifest; then, on a phone-sized screen,
confirm a stop of today's published route. Screenshots of each main logistics page, each
checked against WCAG 2.1 AA (``axe``); the driver's page also in English."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.builders import delivery as delivery_scenario
from tests.setup_calls import setup
from tools.builders import stock as scenario

DEPOT = (50.9465, 3.1228)
HOMES = [(50.9561, 3.1302), (50.9412, 3.1405), (50.9350, 3.1150), (50.9520, 3.1010), (50.9600, 3.1180)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def planner(world, http, today, tomorrow):
    """``piet`` plans Provider A's depot (two vans); four orders today (already planned
    and published) and five tomorrow."""
    piet = world.person("piet", "logistics")
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, van = scenario.depot(uow.session, piet.organisation_id)
        scenario.stock(uow.session, piet.organisation_id, warehouse, products, today - timedelta(days=1))
        for day, homes in ((today, HOMES[:4]), (tomorrow, HOMES)):
            delivery_scenario.client_orders(uow.session, piet.organisation_id, warehouse, products, day, homes)
        uow.commit()
    api = {"headers": piet.headers}
    setup(http.put(f"/api/v1/depots/{warehouse}", json={"lat": DEPOT[0], "lon": DEPOT[1]}, **api))
    driver = setup(http.post("/api/v1/drivers", json={"name": "Piet"}, **api))["id"]
    van_times = {"depot_id": warehouse, "capacity_kg": 400, "freezer_l": 120, "chilled_l": 120,
                 "shift_start": "08:00:00", "shift_end": "16:00:00"}
    setup(http.post("/api/v1/vans", json=van_times | {"location_id": van, "driver_id": driver}, **api))
    setup(http.post("/api/v1/vans", json=van_times | {"name": "Bestelwagen 2", "capacity_l": 300}, **api))
    todays = setup(http.post("/api/v1/route-plans", json={"depot_id": warehouse, "date": today.isoformat(),
                                                          "time_limit_s": 1}, **api))  # inline under TESTING
    published = http.post(f"/api/v1/route-plans/{todays['id']}/publish", json={"version": todays["version"]}, **api)
    assert published.status_code == 200, published.json
    return piet


def test_the_planner_optimises_and_publishes_tomorrows_routes_and_confirms_a_stop(page, sign_in, screenshot, axe,
                                                                                    planner, tomorrow):
    sign_in("piet")
    expect(page.get_by_role("heading", level=1)).to_have_text("Routeplannen")
    expect(page.get_by_label("Leveringsdatum")).to_have_value(tomorrow.isoformat())
    screenshot(page, "route-plans")
    axe(page)

    time_limit = page.get_by_label("Tijdslimiet (seconden)")
    time_limit.fill("0")
    page.get_by_role("button", name="Routes optimaliseren").click()
    expect(page.locator(".field-error")).to_contain_text("Must be more than 0")  # next to the field
    expect(time_limit).to_have_attribute("aria-invalid", "true")
    axe(page)  # the form with its error
    time_limit.fill("2")
    page.get_by_role("button", name="Routes optimaliseren").click()
    # Live progress while the background solve runs; the page reloads itself when done.
    expect(page.get_by_role("progressbar")).to_be_visible()
    # The bar moves as routes.js polls (unless the run ends first and the page reloads).
    page.wait_for_function("() => { const bar = document.querySelector('[role=progressbar]');"
                           " return !bar || bar.getAttribute('aria-valuenow') !== '0'; }")
    screenshot(page, "route-plan-progress")
    expect(page.get_by_role("heading", name="Kaart")).to_be_visible(timeout=30_000)
    expect(page.locator("figure.route-map svg polyline").first).to_be_attached()
    screenshot(page, "route-plan-map")
    axe(page)

    # Move a stop with the keyboard-usable form: the last stop of route 1 to the front.
    stop = page.get_by_label("Stop", exact=True)
    options = stop.locator("option").all_text_contents()
    stop.select_option(label=next(o for o in reversed(options) if re.match(r"\d+\. ", o)))
    page.get_by_label("Naar route").select_option(index=1)
    page.get_by_label("Positie", exact=True).fill("1")
    page.get_by_role("button", name="Verplaatsen", exact=True).click()
    expect(page.get_by_text("De stop is verplaatst.")).to_be_visible()
    # The same with the mouse: drag the first stop of route 1 onto its last place.
    rows = page.locator("tbody[data-route-id]").first.locator("tr")
    first_client = rows.first.locator("td").nth(1).inner_text()
    rows.first.drag_to(rows.last)
    expect(page.get_by_text("De stop is verplaatst.")).to_be_visible()
    expect(page.locator("tbody[data-route-id]").first.locator("tr").last.locator("td").nth(1)).to_have_text(first_client)

    page.get_by_role("button", name=re.compile("^Route vergrendelen")).first.click()
    expect(page.get_by_text("De route is vergrendeld.")).to_be_visible()
    page.get_by_role("button", name="Publiceer het plan").click()
    expect(page.get_by_text("Het plan is gepubliceerd: de bestellingen hebben hun bestelwagen.")).to_be_visible()
    expect(page.get_by_role("button", name="Publiceer het plan")).to_have_count(0)
    screenshot(page, "route-plan-published")
    axe(page)

    with page.context.expect_page() as opened:
        page.get_by_role("link", name=re.compile("^Rittenblad afdrukken")).first.click()
    manifest = opened.value
    manifest.wait_for_load_state()
    expect(manifest.locator("svg polyline")).to_be_attached()
    screenshot(manifest, "driver-manifest")
    axe(manifest)
    manifest.close()

    for name, url in (("delivery-orders", "/app/logistics/orders"), ("stock", "/app/logistics/stock"),
                      ("reorder", "/app/logistics/reorder")):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        screenshot(page, name)
        axe(page)

    # The driver's phone: today's published routes, one route's stops, a confirmation.
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="Stops van vandaag").click()
    screenshot(page, "todays-routes-phone")
    axe(page)
    page.locator("a.button.big").first.click()
    first = page.locator("li.stop").first
    expect(first.get_by_role("button", name="Geleverd")).to_be_visible()
    box = first.get_by_role("button", name="Geleverd").bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] > 300  # big enough for a thumb
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    screenshot(page, "todays-stops-phone")
    axe(page)
    first.get_by_role("button", name="Geleverd").click()  # no proof of delivery yet: marked, read out
    expect(page.locator("li.stop").first.locator("input[aria-invalid=true]").first).to_be_visible()
    axe(page)
    first = page.locator("li.stop").first
    first.get_by_label("Ontvangen door (naam)").fill("Mevrouw Claes")
    for label, reading in (("Temperatuur van de gekoelde maaltijden (°C)", "4,5"),
                           ("Temperatuur van de diepvriesmaaltijden (°C)", "-18")):
        if (field := first.get_by_label(label)).count():  # asked only for the storage classes on board
            field.fill(reading)
    first.get_by_label("Opmerking (niet verplicht)").fill("Aan de buurvrouw")
    first.get_by_role("button", name="Geleverd").click()
    expect(page.get_by_text("Stop bevestigd.")).to_be_visible()
    expect(page.locator("li.stop").first.locator(".outcome")).to_have_text("Geleverd")
    expect(page.locator("li.stop").first.locator(".proof-summary")).to_contain_text("Ontvangen door Mevrouw Claes")
    screenshot(page, "stop-confirmed-phone")
    axe(page)

    stops = page.url  # the language switch: the driver's page in English
    page.goto("/app/account")
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(stops)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("li.stop").first.locator(".outcome")).to_have_text("Delivered")
    axe(page)
