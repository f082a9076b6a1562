"""A recall's pick-up (issue 20, item 2): each client's home that holds the recalled lot
gets collect lines on its next delivery day's stop, with a replacement order (another
lot, not billed) on the same stop; confirming the stop accounts the units as collected,
and the recall report shows that step."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nutriplat.clients.models import CaregiverMandate
from nutriplat.clock import clock_set_to
from nutriplat.db import utcnow
from nutriplat.delivery.models import DeliveryOrder, RecallPickup
from nutriplat.inventory.models import DeliverySchedule, Lot, StockBalance
from tests.api.equipment_world import freezer_location
from tests.business_day import moment
from tools.builders import stock as scenario
from tools.demo.simulate_rounds import HANDOVER


def test_a_recalled_lot_is_picked_up_and_replaced_on_the_next_route(http, world, shop, today):
    client, home = shop.clients[0], freezer_location(shop, shop.clients[0]).id
    main = next(p for p in shop.products if p.course == "main" and p.storage == "frozen" and p.texture == "food:7"
                and not p.allergens)
    delivered = http.post("/api/v1/stock/moves", headers=shop.h, json={
        "kind": "delivery", "variant_id": main.variant_id, "quantity": 3, "from_location_id": shop.warehouse,
        "to_location_id": home})
    assert delivered.status_code == 201, delivered.json
    lot = delivered.json[0]["lot_id"]
    with shop.uow() as uow:  # a younger lot of the same product: the replacement comes from it
        scenario.stock(uow.session, shop.organisation, shop.warehouse, [main], today - timedelta(days=1))
        uow.commit()

    made = http.post(f"/api/v1/lots/{lot}/recall", headers=shop.h, json={"reason": "Listeria", "severity": "high"})
    assert made.status_code == 201, made.json
    with shop.uow() as uow:
        pickup = uow.session.scalar(select(RecallPickup).where(RecallPickup.recall_id == made.json["id"]))
        replacement = uow.session.get_one(DeliveryOrder, pickup.replacement_order_id)
        assert (pickup.client_id, pickup.location_id, pickup.units, pickup.status) == (client, home, 3, "planned")
        assert pickup.due_on > today and replacement.delivery_date == pickup.due_on
        assert replacement.billed_at is not None and f"recall {made.json['id']}" in replacement.note
        assert [(line.dish_id, line.quantity) for line in replacement.lines] == [(main.dish_id, 3)]
        day, replacement_id = pickup.due_on, replacement.id

    with clock_set_to(moment(day.isoformat())):
        h = world.person("rik", "logistics").headers
        plan = http.post("/api/v1/route-plans", headers=h, json={
            "depot_id": shop.warehouse, "date": day.isoformat(), "time_limit_s": 1}).json
        assert plan["status"] == "done", plan
        stop = next(s for r in plan["result"]["routes"] for s in r["stops"] if s["client_id"] == client)
        assert stop["pickup_ids"] == [pickup.id] and replacement_id in stop["order_ids"]
        route = next(r for r in plan["result"]["routes"] if stop in r["stops"])
        manifest = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=h).json
        lines = next(s for s in manifest["stops"] if s["client_id"] == client)["collect"]
        assert [(c["pickup_id"], c["units"]) for c in lines] == [(pickup.id, 3)]
        published = http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]})
        assert published.status_code == 200, published.json
        confirmed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation", headers=h,
                              json={"outcome": "delivered", **HANDOVER})
        assert confirmed.status_code == 200, confirmed.json
        recall = http.get(f"/api/v1/recalls/{made.json['id']}", headers=h).json
        report = http.get(f"/api/v1/recalls/{made.json['id']}/report", headers=h).json

    place = next(p for p in recall["locations"] if p["location_id"] == home)
    assert place["units_outstanding"] == 0 and place["units_accounted"] == 3
    step, = [s for s in report["steps"] if s["outcome"] == "collected"]
    assert step["units"] == 3 and "pick-up" in step["note"]
    with shop.uow() as uow:
        at_home = dict(uow.session.execute(select(Lot.id, StockBalance.quantity).join(
            StockBalance, StockBalance.lot_id == Lot.id).where(StockBalance.location_id == home)).all())
        assert at_home.get(lot, 0) == 0 and sum(at_home.values()) == 3  # the replacement, of the younger lot
        assert uow.session.get_one(RecallPickup, pickup.id).status == "done"
        assert uow.session.get_one(DeliveryOrder, replacement_id).status == "delivered"


def test_the_people_around_an_affected_client_are_told_of_the_recall_and_the_pick_up_day(http, world, shop, today):
    client, home = shop.clients[0], freezer_location(shop, shop.clients[0]).id
    anna, bart = (world.person(name, "caregiver", organisation=None) for name in ("anna", "bart"))
    with shop.uow() as uow:  # anna holds a mandate in force, bart's was withdrawn
        uow.session.add_all([CaregiverMandate(client_id=client, caregiver_id=anna.id, scopes=["view"]),
                             CaregiverMandate(client_id=client, caregiver_id=bart.id, scopes=["view"],
                                              withdrawn_at=utcnow())])
        uow.commit()
    main = next(p for p in shop.products if p.storage == "frozen" and p.texture == "food:7" and not p.allergens)
    lot = http.post("/api/v1/stock/moves", headers=shop.h, json={
        "kind": "delivery", "variant_id": main.variant_id, "quantity": 2, "from_location_id": shop.warehouse,
        "to_location_id": home}).json[0]["lot_id"]

    made = http.post(f"/api/v1/lots/{lot}/recall", headers=shop.h, json={"reason": "Listeria", "severity": "high"})

    assert made.status_code == 201, made.json
    with shop.uow() as uow:
        due_on = uow.session.scalar(select(RecallPickup.due_on).where(RecallPickup.recall_id == made.json["id"]))
    told = http.get("/api/v1/notifications", headers=anna.headers).json
    assert [(n["kind"], n["client_id"], n["data"]["pickup_on"]) for n in told] == [
        ("recall", client, due_on.isoformat())]
    assert "do not eat it" in told[0]["body"]
    assert http.get("/api/v1/notifications", headers=bart.headers).json == []


def test_a_home_without_a_delivery_schedule_gets_a_pick_up_stop_tomorrow(http, world, shop, today):
    client, home = shop.clients[0], freezer_location(shop, shop.clients[0]).id
    main = next(p for p in shop.products if p.course == "main" and p.storage == "frozen" and p.texture == "food:7"
                and not p.allergens)
    lot = http.post("/api/v1/stock/moves", headers=shop.h, json={
        "kind": "delivery", "variant_id": main.variant_id, "quantity": 2, "from_location_id": shop.warehouse,
        "to_location_id": home}).json[0]["lot_id"]
    with shop.uow() as uow:  # paused: no regular delivery days any more
        uow.session.delete(uow.session.get_one(DeliverySchedule, client))
        uow.commit()

    made = http.post(f"/api/v1/lots/{lot}/recall", headers=shop.h, json={"reason": "Listeria", "severity": "high"})

    assert made.status_code == 201, made.json
    with shop.uow() as uow:
        pickup = uow.session.scalar(select(RecallPickup).where(RecallPickup.recall_id == made.json["id"]))
        assert (pickup.client_id, pickup.units, pickup.warehouse_id, pickup.due_on) == (
            client, 2, shop.warehouse, today + timedelta(days=1))
    with clock_set_to(moment(pickup.due_on.isoformat())):  # a token of that day
        h = world.person("rik", "logistics").headers
        plan = http.post("/api/v1/route-plans", headers=h, json={
            "depot_id": shop.warehouse, "date": pickup.due_on.isoformat(), "time_limit_s": 1}).json
    assert plan.get("status") == "done", plan
    stop = next(s for r in plan["result"]["routes"] for s in r["stops"] if s["client_id"] == client)
    assert stop["pickup_ids"] == [pickup.id]
