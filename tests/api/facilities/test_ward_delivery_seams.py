"""Issue 16 items 5 and 2's seams: a ward's crate confirmed at its stop is seen as a home
delivery is. The lot's recipients list the ward (facility, site, ward, the residents whose
trays drew on it) beside the homes; the confirmation raises the same ``DeliveryConfirmed``
(with facility, ward and residents), so the residents' timelines show it and billing marks
it handled without charging the residents (the facility's monthly invoice counts trays)."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.billing.models import Charge
from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.errors import Conflict
from nutriplat.inventory.models import Location, Lot
from tests.api.facilities.ward_world import as_actor
from tests.facilities_world import THURSDAY
from tools.builders import stock as scenario

pytestmark = pytest.mark.business_day("2026-12-07")


def test_the_lots_recipients_list_the_ward_and_its_residents(http, world, served, facilities, delivered):
    logistics = world.person("lena2", "logistics")
    response = http.get(f"/api/v1/lots/{delivered['lot']}/recipients", headers=logistics.headers)
    assert response.status_code == 200, response.json
    (ward,) = response.json
    on_lot = [m for m in delivered["moves"] if m.lot_id == delivered["lot"]]
    assert ward["kind"] == "ward" and ward["setting"] == "nursing_home"
    assert (ward["facility_id"], ward["facility_name"], ward["site_id"], ward["ward_id"], ward["ward_name"]) == (
        served["facility"], "De Vlasbloem", served["site"], served["ward"], "Lelie")
    assert ward["site_name"] == "De Vlasbloem hoofdgebouw" and ward["delivered_on"] == THURSDAY.isoformat()
    assert ward["delivery_order_id"] == delivered["order"].id
    assert ward["quantity"] == ward["at_ward_now"] == sum(m.quantity for m in on_lot)
    units = {r["client_id"]: r["quantity"] for r in ward["residents"]}
    assert units == {c: sum(m.quantity for m in on_lot if m.client_id == c) for c in {m.client_id for m in on_lot}}
    assert {r["room"] for r in ward["residents"]} <= {"101", "102"} and "client_id" not in ward
    with served["uow"]() as uow:  # listing the residents is a read of each of them
        read = set(uow.session.scalars(select(AuditEntry.client_id).where(
            AuditEntry.resource == "lot_recipient", AuditEntry.user_id == logistics.id)))
    assert read == set(units)


def test_a_home_recipient_keeps_its_shape_beside_the_ward(http, world, served, delivered, today):
    """The same lot delivered to a client's home too: a home entry beside the ward's."""
    logistics = world.person("lena3", "logistics")
    with served["uow"]() as uow:  # a client at home who eats the lot's texture
        storage, texture = uow.session.execute(select(DishVariant.storage_class, Lot.texture).join(
            Lot, Lot.variant_id == DishVariant.id).where(Lot.id == delivered["lot"])).one()
        (client_id,) = scenario.clients_at_home(uow.session, logistics.organisation_id, 1, served["warehouse"],
                                                today - timedelta(days=30), random.Random(1),
                                                food_level=texture.split(":")[-1])
        home = uow.session.scalar(select(Location.id).where(Location.client_id == client_id,
                                                            Location.storage_class == storage))
        uow.commit()
    moved = http.post("/api/v1/stock/moves", headers=logistics.headers, json={
        "kind": "delivery", "lot_id": delivered["lot"], "quantity": 1, "from_location_id": served["warehouse"],
        "to_location_id": home})
    assert moved.status_code == 201, moved.json
    entries = http.get(f"/api/v1/lots/{delivered['lot']}/recipients", headers=logistics.headers).json
    assert [e["kind"] for e in entries] == ["home", "ward"]
    assert set(entries[0]) == {"kind", "setting", "client_id", "given_name", "family_name", "phone",
                                       "delivered_on", "quantity", "delivery_order_id", "at_home_now"}
    assert (entries[0]["client_id"], entries[0]["quantity"], entries[0]["at_home_now"]) == (client_id, 1, 1)


def test_recipients_check_role_and_organisation(http, world, facilities, delivered):
    other = world.person("other-logistics", "logistics", organisation="Provider B")
    assert http.get(f"/api/v1/lots/{delivered['lot']}/recipients", headers=other.headers).status_code == 404
    ward_staff = facilities["vlasbloem"]["staff"]
    assert http.get(f"/api/v1/lots/{delivered['lot']}/recipients", headers=ward_staff.headers).status_code == 403


def test_a_confirmed_crate_raises_delivery_confirmed_with_its_facility_ward_and_residents(served, delivered):
    (event,) = delivered["events"]
    assert (event.order_id, event.client_id, event.outcome, event.delivery_date) == (
        delivered["order"].id, None, "delivered", THURSDAY)
    assert (event.facility_id, event.ward_id) == (served["facility"], served["ward"])
    assert set(event.resident_ids) == {m.client_id for m in delivered["moves"]} == set(served["residents"])


def test_billing_handles_the_crate_without_charging_a_resident(served, delivered):
    with served["uow"]() as uow:
        assert uow.session.get_one(DeliveryOrder, delivered["order"].id).billed_at is not None
        assert uow.session.scalars(select(Charge).where(Charge.client_id.in_(served["residents"]))).all() == []


def test_the_residents_timeline_shows_the_ward_delivery(http, dora, served, delivered, today):
    resident = served["residents"][0]
    timeline = http.get(f"/api/v1/clients/{resident}/timeline?from={today - timedelta(days=7)}&to={today}",
                        headers=dora.headers)
    assert timeline.status_code == 200, timeline.json
    (entry,) = [e for e in timeline.json if e["kind"] == "delivery"]
    assert entry["ref"]["order_id"] == delivered["order"].id and entry["ref"]["ward_id"] == served["ward"]


def test_the_same_outcome_again_changes_nothing_and_another_is_refused(world, served, delivered):
    lou = as_actor(world.person("lou2", "logistics"))
    again = confirm_delivery(served["uow"](), lou, delivered["order"].id, "delivered", on=THURSDAY)
    assert again.status == "delivered"
    with pytest.raises(Conflict):
        confirm_delivery(served["uow"](), lou, delivered["order"].id, "not_home", on=THURSDAY)
