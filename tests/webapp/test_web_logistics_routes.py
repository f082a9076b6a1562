"""Route planning pages: launch (solved inline under TESTING), the plan with its map,
lock / move / re-optimise / publish with their errors next to the fields, the printable
manifest, and the driver's confirmation page; per role and organisation."""
from __future__ import annotations

import io
import math
import re
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from nutriplat.delivery.models import DeliveryOrder, RoutePlan, StopProof
from tests.builders import delivery as delivery_scenario
from tests.setup_calls import setup
from tools.builders import stock as scenario

DEPOT = (50.9465, 3.1228)
ROUTES = "/app/logistics/routes"


def places(n: int, radius_km: float = 3.0) -> list[tuple[float, float]]:
    return [(DEPOT[0] + radius_km / 111 * math.cos(2 * math.pi * k / n),
             DEPOT[1] + radius_km / 70 * math.sin(2 * math.pi * k / n)) for k in range(n)]


@pytest.fixture
def fleet(world, http, today, tomorrow):
    """Provider A's depot with two vans and drivers; five clients with an order today
    and five tomorrow. ``lien`` plans; ``adam`` is the provider's admin."""
    lien, adam = world.person("lien", "logistics"), world.person("adam", "admin")
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, van = scenario.depot(uow.session, lien.organisation_id)
        scenario.stock(uow.session, lien.organisation_id, warehouse, products, today - timedelta(days=2))
        orders = {day: delivery_scenario.client_orders(uow.session, lien.organisation_id, warehouse, products, day,
                                                       places(5))
                  for day in (today, tomorrow)}
        uow.commit()
    h = lien.headers
    assert http.put(f"/api/v1/depots/{warehouse}", headers=h,
                    json={"lat": DEPOT[0], "lon": DEPOT[1]}).status_code == 200
    drivers = [setup(http.post("/api/v1/drivers", headers=h, json={"name": name} | extra))
               for name, extra in (("Luc", {"user_id": lien.id}), ("Sofie", {}))]
    shift = {"depot_id": warehouse, "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150,
             "shift_start": "08:00:00", "shift_end": "17:00:00"}
    for body in ({"location_id": van, "driver_id": drivers[0]["id"]},
                 {"name": "Bestelwagen 2", "capacity_l": 400, "driver_id": drivers[1]["id"]}):
        assert http.post("/api/v1/vans", headers=h, json=shift | body).status_code == 201
    return SimpleNamespace(lien=lien, adam=adam, warehouse=warehouse, orders=orders, h=h, luc=drivers[0]["id"],
                           tomorrow=tomorrow)


def launch(browser, fleet, day=None) -> int:
    day = day or fleet.tomorrow
    response = browser.post(ROUTES, {"depot_id": fleet.warehouse, "date": day.isoformat(), "time_limit_s": "1"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def plan_row(app, plan_id: int) -> RoutePlan:
    with app.extensions["nutriplat"].session_factory() as session:
        # routes and stops loaded before the session closes
        plan = session.get_one(RoutePlan, plan_id,
                               options=[selectinload(RoutePlan.routes), selectinload(RoutePlan.stops)])
        return plan


def test_the_planner_launches_edits_publishes_and_prints(web, fleet, app, tomorrow):
    lien = web(fleet.lien)
    form = lien.get(ROUTES)
    assert form.status_code == 200 and f'value="{tomorrow.isoformat()}"' in form.text
    assert "Centraal magazijn Roeselare" in form.text
    plan_id = launch(lien, fleet)
    assert lien.get(f"{ROUTES}/{plan_id}/status").json["status"] == "done"
    page = lien.get(f"{ROUTES}/{plan_id}")
    assert page.status_code == 200 and "<svg" in page.text and "<polyline" in page.text
    assert "Klant Nr 0" in page.text and "Route 1" in page.text and "Kaart" in page.text
    plan = plan_row(app, plan_id)
    used = [r for r in plan.routes if any(s.route_id == r.id for s in plan.stops)]
    stop = next(s for s in plan.stops if s.route_id == used[0].id)

    locked = lien.post(f"{ROUTES}/{plan_id}/routes/{used[0].id}/lock", {"version": plan.version, "locked": "true"})
    assert locked.status_code == 302
    page = lien.get(f"{ROUTES}/{plan_id}")
    assert "vergrendeld" in page.text and "Route ontgrendelen" in page.text
    # The stop's route is locked now: the service's conflict is shown next to the route.
    refused = lien.post(f"{ROUTES}/{plan_id}/moves", {"version": plan.version + 1, "stop_id": stop.id,
                                                     "route_id": plan.routes[1].id, "position": "1"})
    assert refused.status_code == 409 and "is locked" in refused.text
    assert re.search(r'id="f-route_id"[^>]*aria-invalid="true"', refused.text)
    stale = lien.post(f"{ROUTES}/{plan_id}/routes/{used[0].id}/lock", {"version": plan.version, "locked": "false"})
    assert stale.status_code == 409 and "reload it" in stale.text
    assert lien.post(f"{ROUTES}/{plan_id}/routes/{used[0].id}/lock",
                     {"version": plan.version + 1, "locked": "false"}).status_code == 302

    bad = lien.post(f"{ROUTES}/{plan_id}/moves", {"version": plan.version + 2, "stop_id": stop.id,
                                                 "route_id": used[0].id, "position": "0"})
    assert bad.status_code == 422 and "Enter a whole number, 1 or more." in bad.text
    assert re.search(r'id="f-position"[^>]*aria-invalid="true"', bad.text)
    missing = lien.post(f"{ROUTES}/{plan_id}/moves", {"version": plan.version + 2, "position": ""})
    assert missing.status_code == 422 and 'aria-invalid="true"' in missing.text
    moved = lien.post(f"{ROUTES}/{plan_id}/moves", {"version": plan.version + 2, "stop_id": stop.id,
                                                   "route_id": used[0].id, "position": "1"})
    assert moved.status_code == 302, moved.text
    assert plan_row(app, plan_id).stops[[s.id for s in plan.stops].index(stop.id)].sequence in (0, 1)

    for limit, message in (("0", "Must be more than 0"), ("soon", "Geen geldig getal.")):
        wrong = lien.post(f"{ROUTES}/{plan_id}/reoptimisation", {"version": plan.version + 3, "time_limit_s": limit})
        assert wrong.status_code == 422 and message in wrong.text
        assert re.search(r'id="f-time_limit_s"[^>]*aria-invalid="true"', wrong.text)
    again = lien.post(f"{ROUTES}/{plan_id}/reoptimisation", {"version": plan.version + 3, "time_limit_s": "1"})
    assert again.status_code == 302 and lien.get(f"{ROUTES}/{plan_id}/status").json["status"] == "done"

    version = lien.get(f"{ROUTES}/{plan_id}/status").json["version"]
    assert lien.post(f"{ROUTES}/{plan_id}/publish", {"version": version}).status_code == 302
    page = lien.get(f"{ROUTES}/{plan_id}")
    assert "gepubliceerd" in page.text and "Publiceer het plan" not in page.text
    with app.extensions["nutriplat"].session_factory() as session:
        vans = set(session.scalars(select(DeliveryOrder.vehicle_id).where(
            DeliveryOrder.id.in_([o for _, o in fleet.orders[tomorrow]]))))
    assert None not in vans
    route = plan_row(app, plan_id).routes[0]
    printed = lien.get(f"{ROUTES}/{plan_id}/routes/{route.id}/manifest")
    assert printed.status_code == 200 and printed.mimetype == "text/html" and "<svg" in printed.text
    assert "Rittenblad" in printed.text and "niet thuis" in printed.text
    lien.post("/app/account", {"locale": "en-GB"})  # the printed sheet follows the user's language
    assert "Driver sheet" in lien.get(f"{ROUTES}/{plan_id}/routes/{route.id}/manifest").text
    # Published: the edits are refused with the reason.
    late = lien.post(f"{ROUTES}/{plan_id}/publish", {"version": version + 1})
    assert late.status_code == 409 and "published" in late.text


def test_the_launch_form_shows_each_problem_next_to_its_field(web, fleet, today, tomorrow):
    lien = web(fleet.lien, lang="en-GB")
    cases = (({"date": (today - timedelta(days=1)).isoformat(), "time_limit_s": "1"}, "date",
              "Must not be in the past."),
             ({"date": "tomorrow", "time_limit_s": "1"}, "date", "Not a valid date."),
             ({"date": tomorrow.isoformat(), "time_limit_s": "0"}, "time_limit_s", "Must be more than 0"),
             ({"date": (today + timedelta(days=5)).isoformat(), "time_limit_s": "1"}, "date",
              "No open delivery orders"))
    for body, field, message in cases:
        response = lien.post(ROUTES, {"depot_id": fleet.warehouse} | body)
        assert response.status_code == 422 and message in response.text, (body, response.text)
        assert re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', response.text), field
    assert lien.post(ROUTES, {"depot_id": fleet.warehouse, "date": tomorrow.isoformat()}, csrf=False).status_code == 400
    listing = lien.get(f"{ROUTES}?date=someday")
    assert listing.status_code == 422 and 'id="f-list-date"' in listing.text and "Not a valid date." in listing.text


def test_the_driver_confirms_todays_stops_on_the_phone_page(web, fleet, app, today):
    lien = web(fleet.lien)
    today_plan, tomorrow_plan = launch(lien, fleet, today), launch(lien, fleet)
    for plan_id in (today_plan, tomorrow_plan):
        version = lien.get(f"{ROUTES}/{plan_id}/status").json["version"]
        assert lien.post(f"{ROUTES}/{plan_id}/publish", {"version": version}).status_code == 302
    plan = plan_row(app, today_plan)
    mine = next(r for r in plan.routes if r.driver_id is not None and any(s.route_id == r.id for s in plan.stops))
    home = lien.get("/app/logistics/today")
    driven = [r.id for r in plan.routes if r.driver_id == fleet.luc and any(s.route_id == r.id for s in plan.stops)]
    if driven:  # lien is driver Luc: straight to his own stops
        assert home.status_code == 302 and home.headers["Location"].endswith(f"/{today_plan}/{driven[0]}")
    else:
        assert home.status_code == 200 and f"/app/logistics/today/{today_plan}/{mine.id}" in home.text
    page = lien.get(f"/app/logistics/today/{today_plan}/{mine.id}")
    assert page.status_code == 200
    assert "Geleverd" in page.text and "Niet thuis" in page.text and "Geweigerd" in page.text
    stop = sorted((s for s in plan.stops if s.route_id == mine.id), key=lambda s: s.sequence)[0]
    url = f"/app/logistics/today/{today_plan}/{mine.id}/stops/{stop.id}"
    assert lien.post(url, {"outcome": "delivered"}, csrf=False).status_code == 400
    wrong = lien.post(url, {"outcome": "lost"})
    assert wrong.status_code == 422 and f'id="stop-{stop.id}-errors"' in wrong.text
    wordy = lien.post(url, {"outcome": "delivered", "note": "x" * 1001})
    assert wordy.status_code == 422 and re.search(rf'id="note-{stop.id}"[^>]*aria-invalid="true"', wordy.text)
    bare = lien.post(url, {"outcome": "delivered"})  # no proof of delivery: each missing field is marked
    assert bare.status_code == 422 and re.search(rf'id="received_by-{stop.id}"[^>]*aria-invalid="true"', bare.text)
    with app.extensions["nutriplat"].session_factory() as session:
        line = max(session.get_one(DeliveryOrder, stop.order_ids[0]).lines, key=lambda x: x.quantity)
        key, units = f"{line.order_id}-{line.variant_id}", line.quantity
    assert units > 1  # one unit is refused, the rest delivered
    done = lien.post(url, {"outcome": "delivered", "note": "Aan de buurvrouw", "left_at": "Bij de buurvrouw",
                           "chilled_c": "4,5", "frozen_c": "-18",
                           f"refused.{key}.units": "1", f"refused.{key}.reason": "Te veel",
                           "photo": (io.BytesIO(b"\xff\xd8\xff\xe0 a photo"), "deur.jpg", "image/jpeg")},
                     content_type="multipart/form-data")
    assert done.status_code == 302, re.findall(r"field-error[^>]*>([^<]*)", done.text)
    page = lien.get(f"/app/logistics/today/{today_plan}/{mine.id}")
    assert 'class="outcome outcome-delivered"' in page.text and "Bij de buurvrouw" in page.text
    with app.extensions["nutriplat"].session_factory() as session:
        proof = session.scalar(select(StopProof).where(StopProof.stop_id == stop.id))
        assert proof.chilled_c == 4.5 and proof.refused[0]["units"] == 1 and proof.refused[0]["reason"] == "Te veel"
        photo = Path(app.instance_path) / proof.photo_ref
        assert photo.read_bytes().endswith(b"a photo")
    # The printed manifest shows the proof, its photo behind the web app's own sign-in.
    printed = lien.get(f"{ROUTES}/{today_plan}/routes/{mine.id}/manifest").text
    link = f"/app/logistics/stop-proofs/{proof.id}/photo"
    assert "Bewijs van levering" in printed and "Bij de buurvrouw" in printed and f'href="{link}"' in printed
    shown = lien.get(link)
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg" and shown.data.endswith(b"a photo")
    photo.unlink()
    assert lien.get(link).status_code == 404
    other = lien.post(url, {"outcome": "refused"})
    assert other.status_code == 409 and "already" in other.text
    with app.extensions["nutriplat"].session_factory() as session:
        assert session.get_one(DeliveryOrder, stop.order_ids[0]).status == "delivered"
    # Tomorrow's stops are shown, but confirmed only on the day (the service says why).
    later = plan_row(app, tomorrow_plan)
    route = next(r for r in later.routes if any(s.route_id == r.id for s in later.stops))
    shown = lien.get(f"/app/logistics/today/{tomorrow_plan}/{route.id}")
    assert shown.status_code == 200 and "op de leveringsdag" in shown.text
    early_stop = next(s for s in later.stops if s.route_id == route.id)
    early = lien.post(f"/app/logistics/today/{tomorrow_plan}/{route.id}/stops/{early_stop.id}",
                      {"outcome": "delivered"})
    assert early.status_code == 409 and "cannot be confirmed before" in early.text


PAGES = ("/app/logistics/stock", "/app/logistics/reorder", "/app/logistics/orders", ROUTES, "/app/logistics/today")


@pytest.mark.parametrize("lang", ["nl-BE", "en-GB"])
def test_every_logistics_page_renders_for_logistics_and_admin(web, fleet, lang):
    for person in (fleet.lien, fleet.adam):
        browser = web(person, lang=lang)
        plan_id = launch(browser, fleet) if person is fleet.lien else None
        for url in PAGES + ((f"{ROUTES}/{plan_id}",) if plan_id else ()):
            response = browser.get(url)
            assert response.status_code == 200, (person.username, url, response.text[:500])
            assert f'<html lang="{lang[:2]}">' in response.text


def test_other_roles_are_refused_and_other_organisations_see_nothing(web, world, fleet, tomorrow):
    lien = web(fleet.lien)
    plan_id = launch(lien, fleet)
    route = lien.get(f"{ROUTES}/{plan_id}").text
    route_id = re.search(rf"/routes/{plan_id}/routes/(\d+)/manifest", route).group(1)
    own = (f"{ROUTES}/{plan_id}", f"{ROUTES}/{plan_id}/status", f"{ROUTES}/{plan_id}/routes/{route_id}/manifest",
           f"/app/logistics/today/{plan_id}/{route_id}")
    for username, role, organisation in (("dora", "dietitian", "Provider A"), ("cas", "cofinancer", "Fund A"),
                                         ("greta", "caregiver", None)):
        other = web(world.person(username, role, organisation))
        for url in PAGES + own:
            assert "<h1>403" in other.get(url).text, (role, url)
    stranger = web(world.person("bram", "logistics", "Provider B"))
    for url in own + (f"{ROUTES}?depot_id={fleet.warehouse}&date={tomorrow.isoformat()}",):
        assert stranger.get(url).status_code == 404, url
    assert stranger.post(ROUTES, {"depot_id": fleet.warehouse, "date": tomorrow.isoformat(),
                                  "time_limit_s": "1"}).status_code == 404
    assert stranger.post(f"{ROUTES}/{plan_id}/publish", {"version": 1}).status_code == 404
