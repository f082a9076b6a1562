"""A redelivery after "not home" (issue 20): the driver finds nobody home, the units go
back to the depot (never the client's stock) and a planned order brings them the next
day, once however often the miss is confirmed; it is a stop on that day's route, named a
redelivery on the manifest and on the client's deliveries. Missed again, it is not sent
round once more: the two misses in a row raise the dietitian's alert."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuditEntry, User
from nutriplat.clock import simulated_day
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.planning.confirm import confirm_stop
from nutriplat.inventory.models import SkippedDelivery
from nutriplat.monitoring.models import Alert
from tests.api.delivery_world import held, homes_of, published, solve
from tests.setup_calls import setup


def redeliveries(day, of_order_ids):
    with day.uow() as uow:
        return list(uow.session.scalars(select(DeliveryOrder).options(selectinload(DeliveryOrder.lines)).where(
            DeliveryOrder.redelivery_of_id.in_(of_order_ids)).order_by(DeliveryOrder.id)))


def lines_of(day, order_id):
    with day.uow() as uow:
        order = uow.session.get_one(DeliveryOrder, order_id)
        totals: dict[int, int] = {}
        for line in order.lines:
            totals[line.variant_id] = totals.get(line.variant_id, 0) + line.quantity
        return totals


def planner(day):
    with day.uow() as uow:
        lena = uow.session.scalar(select(User.id).where(User.username == "lena"))
    return Actor(lena, "lena", "logistics", day.organisation)


def pick(http, day, order_id, van):
    setup(http.post(f"/api/v1/delivery-orders/{order_id}/pick", headers=day.h, json={"vehicle_id": van}))


def test_nobody_home_brings_the_order_again_the_next_day_once(http, day, world):
    _, route, stop, url = published(http, day)
    [missed] = stop["order_ids"]
    for order_id in stop["order_ids"]:  # loaded at the depot: the units are the van's stock
        pick(http, day, order_id, route["van_id"])
    ordered = lines_of(day, missed)

    first = http.post(url, headers=day.h, json={"outcome": "not_home", "note": "Bel niet beantwoord"})
    again = http.post(url, headers=day.h, json={"outcome": "not_home"})

    assert first.status_code == 200 and again.status_code == 200, (first.json, again.json)
    [redelivery] = redeliveries(day, [missed])
    assert redelivery.origin == "redelivery" and redelivery.status == "planned"
    assert redelivery.delivery_date == day.date + timedelta(days=1) and redelivery.client_id == stop["client_id"]
    assert lines_of(day, redelivery.id) == ordered and all(line.lot_id is None for line in redelivery.lines)
    assert held(day, homes_of(day, stop["client_id"])) == 0  # nothing became the client's
    assert held(day, [route["van_id"]]) == 0  # the van's load went back to the depot
    with day.uow() as uow:  # the dispatcher confirming it once more by the order itself changes nothing
        confirm_delivery(uow, planner(day), missed, "not_home", on=day.date)
    assert [o.id for o in redeliveries(day, [missed])] == [redelivery.id]
    with day.uow() as uow:
        made = uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.resource == "delivery_order", AuditEntry.action == "create",
            AuditEntry.resource_id == str(redelivery.id))).all()
        assert made == [{"delivery_date": redelivery.delivery_date.isoformat(), "origin": "redelivery",
                         "redelivery_of": missed}]
        assert "redelivered on" in uow.session.get_one(DeliveryOrder, missed).note

    tomorrow = solve(http, day, date=(day.date + timedelta(days=1)).isoformat())
    setup(http.post(f"/api/v1/route-plans/{tomorrow['id']}/publish", headers=day.h,
                    json={"version": tomorrow["version"]}))
    [(route_id, next_stop)] = [(r["id"], s) for r in tomorrow["result"]["routes"] for s in r["stops"]
                               if s["client_id"] == stop["client_id"]]
    assert redelivery.id in next_stop["order_ids"]
    sheet = http.get(f"/api/v1/route-plans/{tomorrow['id']}/routes/{route_id}/manifest", headers=day.h).json
    [told] = [s["redeliveries"] for s in sheet["stops"] if s["id"] == next_stop["id"]]
    assert told == [{"order_id": redelivery.id, "redelivery_of": missed, "missed_on": day.date.isoformat()}]
    printed = http.get(f"/api/v1/route-plans/{tomorrow['id']}/routes/{route_id}/manifest.html", headers=day.h)
    page = printed.get_data(as_text=True)  # nl-BE by default: "Herlevering: niemand thuis op dd/mm"
    assert f"{day.date:%d/%m}" in page and ("Herlevering" in page or "Redelivery" in page)

    dietitian = world.person("dora", "dietitian")
    seen = http.get(f"/api/v1/clients/{stop['client_id']}/deliveries", headers=dietitian.headers)
    assert seen.status_code == 200, seen.json
    by_order = {d["order_id"]: d for d in seen.json}
    assert by_order[missed]["status"] == "not_home"
    assert by_order[redelivery.id]["origin"] == "redelivery" and by_order[redelivery.id]["redelivery_of"] == missed
    assert by_order[redelivery.id]["status"] == "planned"


def test_a_redelivery_missed_again_raises_the_alert_instead_of_another_redelivery(http, day):
    _, _, stop, url = published(http, day)
    setup(http.post(url, headers=day.h, json={"outcome": "not_home"}))
    [redelivery] = redeliveries(day, stop["order_ids"])
    tomorrow = solve(http, day, date=redelivery.delivery_date.isoformat())
    setup(http.post(f"/api/v1/route-plans/{tomorrow['id']}/publish", headers=day.h,
                    json={"version": tomorrow["version"]}))
    [next_stop] = [s for r in tomorrow["result"]["routes"] for s in r["stops"] if s["client_id"] == stop["client_id"]]

    with simulated_day(redelivery.delivery_date):  # the driver comes by on the redelivery's day
        view = confirm_stop(day.uow(), planner(day), tomorrow["id"], next_stop["id"], "not_home")

    assert view["outcome"] == "not_home"
    assert redeliveries(day, [redelivery.id]) == []
    with day.uow() as uow:
        assert uow.session.get_one(DeliveryOrder, redelivery.id).status == "not_home"
        assert uow.session.scalar(select(func.count(DeliveryOrder.id)).where(
            DeliveryOrder.client_id == stop["client_id"], DeliveryOrder.status == "planned")) == 0
        alerts = uow.session.execute(select(Alert.rule, Alert.status).where(
            Alert.client_id == stop["client_id"])).all()
    assert alerts == [("deliveries_missed", "open")]
    assert held(day, homes_of(day, stop["client_id"])) == 0


def test_a_refused_stop_is_not_brought_again_and_never_becomes_the_clients_stock(http, day):
    _, route, stop, url = published(http, day)
    for order_id in stop["order_ids"]:
        pick(http, day, order_id, route["van_id"])
    item = stop["items"][0]
    whole = [{"order_id": i["order_id"], "variant_id": i["variant_id"], "units": i["quantity"]} for i in stop["items"]]

    refused = http.post(url, headers=day.h, json={"outcome": "delivered", "received_by": "de klant", "chilled_c": 4,
                                                  "frozen_c": -18, "refused": whole})

    assert refused.status_code == 200, refused.json
    assert refused.json["proof"]["refused"][0]["variant_id"] == item["variant_id"]
    assert redeliveries(day, stop["order_ids"]) == []
    assert held(day, homes_of(day, stop["client_id"])) == 0


def test_the_redelivery_passes_over_a_day_the_client_skipped(http, day):
    _, _, stop, url = published(http, day)
    away = day.date + timedelta(days=1)
    with day.uow() as uow:
        uow.session.add(SkippedDelivery(organisation_id=day.organisation, client_id=stop["client_id"],
                                        delivery_date=away, reason="bij de dochter", cancelled_order_ids=[]))
        uow.commit()

    setup(http.post(url, headers=day.h, json={"outcome": "not_home"}))

    [redelivery] = redeliveries(day, stop["order_ids"])
    assert redelivery.delivery_date == away + timedelta(days=1)


def test_a_miss_told_days_later_is_not_brought_again(http, day):
    _, _, stop, _ = published(http, day)
    [missed] = stop["order_ids"]

    with simulated_day(day.date + timedelta(days=2)), day.uow() as uow:  # the round entered two days late
        confirm_delivery(uow, planner(day), missed, "not_home", on=day.date)

    assert redeliveries(day, [missed]) == []
