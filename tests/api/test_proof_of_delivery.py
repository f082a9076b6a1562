"""Proof of delivery (issue 20, item 4): the driver's confirmation records who took the
food or where it was left (with a photo), the handover temperatures, the position and
the lines refused at the door; a refused unit stays in the van, never the client's; the
planner sees it on the manifest, the client's caregiver on the client's deliveries."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import CaregiverMandate
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, PlannedStop, StopProof
from nutriplat.inventory.models import StockMove
from tests.api.delivery_world import held, homes_of, published
from tests.setup_calls import setup


def test_a_delivery_is_proved_and_a_refused_line_stays_in_the_van(http, day, world):
    plan, route, stop, url = published(http, day)
    main = next(i for i in stop["items"] if i["storage_class"] == "frozen")
    van = route["van_id"]  # the van's stock location
    for order_id in stop["order_ids"]:  # loaded at the depot: the units are the van's stock
        setup(http.post(f"/api/v1/delivery-orders/{order_id}/pick", headers=day.h, json={"vehicle_id": van}))
    in_van = held(day, [van])
    body = {"outcome": "delivered", "received_by": "Mevrouw Claes (dochter)", "chilled_c": 8.5, "frozen_c": -19.0,
            "lat": 50.95, "lon": 3.12,
            "refused": [{"order_id": main["order_id"], "variant_id": main["variant_id"], "units": 1,
                         "reason": "Lust dit niet"}]}

    confirmed = http.post(url, headers=day.h, json=body)

    assert confirmed.status_code == 200, confirmed.json
    proof = confirmed.json["proof"]
    assert proof["received_by"] == "Mevrouw Claes (dochter)" and proof["position"] == {"lat": 50.95, "lon": 3.12}
    assert proof["cold_chain_alarms"] == ["chilled"] and proof["recorded_at"]
    assert proof["refused"] == [{"order_id": main["order_id"], "variant_id": main["variant_id"],
                                 "dish": main["dish"], "units": 1, "reason": "Lust dit niet"}]
    with day.uow() as uow:
        order = uow.session.get_one(DeliveryOrder, main["order_id"])
        got = sum(line.quantity for line in order.lines if line.variant_id == main["variant_id"])
        delivered = sum(uow.session.scalars(select(StockMove.quantity).where(
            StockMove.delivery_order_id == order.id, StockMove.kind == "delivery")))
    assert order.status == "delivered" and got == main["quantity"] - 1
    assert delivered == sum(i["quantity"] for i in stop["items"]) - 1
    assert in_van == delivered + 1 and held(day, [van]) == 1  # the refused unit is still in the van
    assert held(day, homes_of(day, stop["client_id"])) == delivered

    sheet = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=day.h).json
    assert sheet["stops"][0]["proof"]["refused"][0]["units"] == 1

    carer = world.person("carla", "caregiver", organisation=None)
    with day.uow() as uow:
        uow.session.add(CaregiverMandate(client_id=stop["client_id"], caregiver_id=carer.id, scopes=["view"]))
        uow.commit()
    seen = http.get(f"/api/v1/clients/{stop['client_id']}/deliveries", headers=carer.headers)
    assert seen.status_code == 200, seen.json
    delivery = next(d for d in seen.json if d["order_id"] == main["order_id"])
    assert delivery["status"] == "delivered" and delivery["proof"]["received_by"] == "Mevrouw Claes (dochter)"
    assert next(line for line in delivery["lines"] if line["variant_id"] == main["variant_id"])["quantity"] == \
        main["quantity"] - 1
    with day.uow() as uow:
        assert uow.session.scalar(select(AuditEntry.id).where(
            AuditEntry.resource == "client_deliveries", AuditEntry.user_id == carer.id,
            AuditEntry.client_id == stop["client_id"])) is not None
    stranger = world.person("els", "cofinancer", organisation="Zorgfonds")
    assert http.get(f"/api/v1/clients/{stop['client_id']}/deliveries", headers=stranger.headers).status_code == 403
    other = world.person("otto", "caregiver", organisation=None)
    assert http.get(f"/api/v1/clients/{stop['client_id']}/deliveries", headers=other.headers).status_code == 404


def test_a_proof_that_does_not_fit_the_stop_is_refused_before_anything_is_written(http, day):
    _, _, stop, url = published(http, day)
    item = stop["items"][0]

    bare = http.post(url, headers=day.h, json={"outcome": "delivered"})
    left = http.post(url, headers=day.h, json={"outcome": "delivered", "left_at": "Garage", "chilled_c": 3.0,
                                                "frozen_c": -18.0})
    too_many = http.post(url, headers=day.h, json={
        "outcome": "delivered", "received_by": "Jan", "chilled_c": 3.0, "frozen_c": -18.0,
        "refused": [{"order_id": item["order_id"], "variant_id": item["variant_id"], "units": item["quantity"] + 1}]})
    stranger = http.post(url, headers=day.h, json={
        "outcome": "not_home", "refused": [{"order_id": item["order_id"], "variant_id": 999999, "units": 1}]})
    half = http.post(url, headers=day.h, json={"outcome": "not_home", "lat": 50.9})
    warm = http.post(url, headers=day.h, json={"outcome": "not_home", "frozen_c": "-18"})

    assert bare.status_code == 422 and {"received_by", "chilled_c", "frozen_c"} <= bare.json["errors"].keys()
    assert left.status_code == 422 and list(left.json["errors"]) == ["photo_ref"]
    assert too_many.status_code == 422 and list(too_many.json["errors"]) == ["refused"]
    assert stranger.status_code == 422 and "refused" in stranger.json["errors"]
    assert half.status_code == 422 and "lat" in half.json["errors"]
    assert warm.status_code == 422 and "frozen_c" in warm.json["errors"]
    with day.uow() as uow:
        assert uow.session.get_one(PlannedStop, stop["id"]).outcome is None
        assert uow.session.scalar(select(StopProof.id)) is None
        assert uow.session.scalar(select(StockMove.id).where(StockMove.delivery_order_id.in_(stop["order_ids"]),
                                                              StockMove.kind == "delivery")) is None


def test_an_order_refused_whole_goes_back_and_a_left_delivery_keeps_its_photo(http, day):
    _, _, stop, url = published(http, day)
    refused = [{"order_id": i["order_id"], "variant_id": i["variant_id"], "units": i["quantity"]}
               for i in stop["items"]]

    confirmed = http.post(url, headers=day.h, json={
        "outcome": "delivered", "left_at": "Achterdeur, koelbox", "photo_ref": "proof-photos/abc.jpg",
        "chilled_c": 4.0, "frozen_c": -18.0, "refused": refused})

    assert confirmed.status_code == 200, confirmed.json
    assert confirmed.json["proof"]["photo_ref"] == "proof-photos/abc.jpg"
    with day.uow() as uow:
        statuses = set(uow.session.scalars(select(DeliveryOrder.status).where(DeliveryOrder.id.in_(stop["order_ids"]))))
        lines = uow.session.scalar(select(DeliveryOrderLine.id).where(
            DeliveryOrderLine.order_id.in_(stop["order_ids"])))
    assert statuses == {"refused"} and lines is not None  # the order keeps what it carried
    assert held(day, homes_of(day, stop["client_id"])) == 0
