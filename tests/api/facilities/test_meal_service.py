"""Issue 16 items 2 and 3: ward staff see the residents of their own wards only, and of
them only what meal service needs; a client's meals of a day whatever the setting; the
tray list of a ward; what was eaten of a tray is intake, as a caregiver's record is."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from tests.setup_calls import setup

MEAL_KEYS = {"meal_moment", "variant_id", "food_level", "drink_level", "allergens", "source", "order_id"}


def test_a_residents_meals_of_the_day_come_from_the_facilitys_kitchen_without_a_ward_order(
        http, facilities, place, planned, today):
    resident = place("hospital", facilities["azdelta"]["ward"], "12", iddsi_food_level="4")
    planned(resident)
    meals = http.get(f"/api/v1/clients/{resident}/meals?date={today}", headers=facilities["azdelta"]["staff"].headers)
    assert meals.status_code == 200, meals.json
    assert [set(m) for m in meals.json] == [MEAL_KEYS] * 4
    assert [m["meal_moment"] for m in meals.json] == ["lunch", "lunch", "dinner", "snack"]
    assert {(m["food_level"], m["source"], m["order_id"]) for m in meals.json} == {("4", "hospital_kitchen", None)}


def test_a_home_clients_meals_come_from_home_stock(http, dora, maria, planned, today):
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {"status": "active"}))["id"]
    planned(client)
    meals = http.get(f"/api/v1/clients/{client}/meals?date={today}", headers=dora.headers).json
    assert {(m["source"], m["order_id"]) for m in meals} == {("home_stock", None)}


def test_no_approved_plan_that_day_is_an_empty_list(http, facilities, place, planned, today):
    resident = place("nursing_home", facilities["vlasbloem"]["ward"], "101")
    planned(resident)
    later = today + timedelta(days=14)
    response = http.get(f"/api/v1/clients/{resident}/meals?date={later}",
                        headers=facilities["vlasbloem"]["staff"].headers)
    assert (response.status_code, response.json) == (200, [])


def test_a_ward_user_of_facility_a_gets_404_for_facility_bs_residents(http, facilities, place, planned, today):
    resident_b = place("hospital", facilities["azdelta"]["ward"], "12")
    planned(resident_b)
    staff_a = facilities["vlasbloem"]["staff"]
    assert http.get(f"/api/v1/clients/{resident_b}/meals?date={today}", headers=staff_a.headers).status_code == 404
    assert http.get(f"/api/v1/wards/{facilities['azdelta']['ward']}/trays?date={today}",
                    headers=staff_a.headers).status_code == 404
    refused = http.post(f"/api/v1/clients/{resident_b}/intake", headers=staff_a.headers, json={
        "date": today.isoformat(), "meal_slot": "lunch", "percent_eaten": 50})
    assert refused.status_code == 404


def test_ward_staff_see_nothing_of_the_record_beyond_meal_service(http, facilities, place):
    resident = place("nursing_home", facilities["vlasbloem"]["ward"], "101")
    staff = facilities["vlasbloem"]["staff"]
    for path in (f"/api/v1/clients/{resident}", f"/api/v1/clients/{resident}/measurements",
                 f"/api/v1/clients/{resident}/meal-plans", "/api/v1/clients"):
        assert http.get(path, headers=staff.headers).status_code == 403, path


def test_a_ward_leaves_a_resident_who_went_home(http, dora, facilities, place, planned, today):
    resident = place("nursing_home", facilities["vlasbloem"]["ward"], "101")
    planned(resident)
    setup(http.post(f"/api/v1/clients/{resident}/care-setting-transfers", headers=dora.headers, json={
        "transferred_on": today.isoformat(), "to_setting": "home", "reason": "discharge"}))
    staff = facilities["vlasbloem"]["staff"]
    assert http.get(f"/api/v1/clients/{resident}/meals?date={today}", headers=staff.headers).status_code == 404
    trays = http.get(f"/api/v1/wards/{facilities['vlasbloem']['ward']}/trays?date={today}", headers=staff.headers)
    assert trays.json["trays"] == []
    tray = http.post(f"/api/v1/wards/{facilities['vlasbloem']['ward']}/trays/intake", headers=staff.headers, json={
        "client_id": resident, "date": today.isoformat(), "meal_moment": "lunch", "eaten": "half"})
    assert tray.status_code == 422
    assert tray.json["errors"] == {"client_id": [
        f"No resident {resident} on ward {facilities['vlasbloem']['ward']} (left, or never there)."]}


def test_the_tray_list_holds_each_residents_trays_with_their_levels_and_allergens(
        http, facilities, place, planned, today):
    ward = facilities["vlasbloem"]["ward"]
    first = place("nursing_home", ward, "102", iddsi_food_level="5", allergies=["fish"])
    second = place("nursing_home", ward, "101", iddsi_food_level="6")
    planned(first, second)
    listed = http.get(f"/api/v1/wards/{ward}/trays?date={today}&meal_moment=lunch",
                      headers=facilities["vlasbloem"]["staff"].headers)
    assert listed.status_code == 200, listed.json
    trays = listed.json["trays"]
    assert [(t["client_id"], t["room"], t["meal_moment"]) for t in trays] == [(second, "101", "lunch"),
                                                                             (first, "102", "lunch")]
    assert trays[1]["food_level"] == "5" and trays[1]["allergies"] == ["fish"]
    assert all(d["food_level"] == t["food_level"] for t in trays for d in t["dishes"])
    assert [len(t["dishes"]) for t in trays] == [2, 2]  # soup and main
    assert all(t["intake"] is None for t in trays)


def test_what_was_eaten_of_a_tray_is_intake_as_a_caregivers_record(http, dora, facilities, place, planned, today,
                                                                   app):
    ward, staff = facilities["vlasbloem"]["ward"], facilities["vlasbloem"]["staff"]
    resident = place("nursing_home", ward, "101")
    planned(resident)
    recorded = http.post(f"/api/v1/wards/{ward}/trays/intake", headers=staff.headers, json={
        "client_id": resident, "date": today.isoformat(), "meal_moment": "lunch", "eaten": "three_quarters"})
    assert recorded.status_code == 201, recorded.json
    assert (recorded.json["eaten"], recorded.json["percent_eaten"]) == ("three_quarters", 75)
    refused = http.post(f"/api/v1/wards/{ward}/trays/intake", headers=staff.headers, json={
        "client_id": resident, "date": today.isoformat(), "meal_moment": "dinner", "eaten": "refused"})
    assert refused.status_code == 201, refused.json
    intake = http.get(f"/api/v1/clients/{resident}/intake", headers=dora.headers).json
    assert [(r["meal_slot"], r["percent_eaten"], r["recorded_by"]) for r in intake] == [
        ("lunch", 75, staff.id), ("dinner", 0, staff.id)]
    trays = http.get(f"/api/v1/wards/{ward}/trays?date={today}", headers=staff.headers).json["trays"]
    assert [(t["meal_moment"], t["intake"]) for t in trays] == [
        ("lunch", {"eaten": "three_quarters", "percent_eaten": 75}),
        ("dinner", {"eaten": "refused", "percent_eaten": 0}), ("snack", None)]


def test_every_read_by_ward_staff_is_audited(http, facilities, place, planned, today, world):
    ward, staff = facilities["vlasbloem"]["ward"], facilities["vlasbloem"]["staff"]
    resident = place("nursing_home", ward, "101")
    planned(resident)
    http.get(f"/api/v1/wards/{ward}/trays?date={today}", headers=staff.headers)
    http.get(f"/api/v1/clients/{resident}/meals?date={today}", headers=staff.headers)
    with world.uow as uow:
        reads = uow.session.execute(select(AuditEntry.resource, AuditEntry.client_id).where(
            AuditEntry.user_id == staff.id).order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in reads] == [("tray", resident), ("meals", resident)]
