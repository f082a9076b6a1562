"""Issue 16 item 1: care facilities as the provider knows them (sites, wards, rooms, ward
staff, service agreements), and a client's ward and room set by the care-setting transfer."""
from __future__ import annotations

from tests.setup_calls import setup


def transfer(http, dora, client_id, today, **body):
    return http.post(f"/api/v1/clients/{client_id}/care-setting-transfers", headers=dora.headers, json={
        "transferred_on": today.isoformat(), "reason": "admission", **body})


def new_client(http, dora, maria):
    return setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {"status": "active"}))["id"]


def test_a_ward_lists_its_rooms(http, facilities):
    ward = http.get(f"/api/v1/wards/{facilities['vlasbloem']['ward']}", headers=facilities["admin"].headers)
    assert ward.status_code == 200, ward.json
    assert ward.json["facility_id"] == facilities["vlasbloem"]["facility_id"]
    assert [(r["number"], r["beds"]) for r in ward.json["rooms"]] == [("101", 2), ("102", 2)]


def test_a_site_belongs_to_a_care_facility(http, world, facilities):
    provider = world.organisation("Provider A")
    response = http.post("/api/v1/facility-sites", headers=facilities["admin"].headers, json={
        "facility_id": provider, "name": "Not a facility", "lat": 50.9, "lon": 3.1})
    assert response.status_code == 422
    assert response.json["errors"] == {"facility_id": [f"No care facility {provider}."]}


def test_a_room_number_is_unique_on_its_ward(http, facilities):
    response = http.post(f"/api/v1/wards/{facilities['vlasbloem']['ward']}/rooms",
                         headers=facilities["admin"].headers, json={"number": "101"})
    assert response.status_code == 409


def test_ward_staff_are_users_of_the_wards_facility(http, facilities):
    other_facilitys_staff = facilities["azdelta"]["staff"]
    response = http.post(f"/api/v1/wards/{facilities['vlasbloem']['ward']}/staff",
                         headers=facilities["admin"].headers, json={"user_id": other_facilitys_staff.id})
    assert response.status_code == 422
    assert list(response.json["errors"]) == ["user_id"]


def test_ward_staff_see_only_their_own_wards(http, facilities):
    staff = facilities["vlasbloem"]["staff"]
    listed = http.get("/api/v1/wards", headers=staff.headers)
    assert [w["id"] for w in listed.json] == [facilities["vlasbloem"]["ward"]]
    assert http.get(f"/api/v1/wards/{facilities['azdelta']['ward']}", headers=staff.headers).status_code == 404


def test_a_transfer_places_the_client_on_a_ward_and_in_a_room(http, dora, maria, facilities, today):
    client_id = new_client(http, dora, maria)
    ward = facilities["vlasbloem"]["ward"]
    moved = transfer(http, dora, client_id, today, to_setting="nursing_home", ward_id=ward, room="102",
                     facility_id=facilities["vlasbloem"]["facility_id"])
    assert moved.status_code == 201, moved.json
    assert (moved.json["ward_id"], moved.json["room"]) == (ward, "102")
    record = http.get(f"/api/v1/clients/{client_id}", headers=dora.headers).json
    assert (record["care_setting"], record["ward_id"], record["room"]) == ("nursing_home", ward, "102")


def test_a_move_between_wards_of_one_setting_is_a_transfer_and_home_clears_the_ward(
        http, dora, maria, facilities, world, today):
    client_id = new_client(http, dora, maria)
    admin = facilities["admin"]
    second = setup(http.post("/api/v1/wards", headers=admin.headers, json={
        "site_id": facilities["vlasbloem"]["site"], "name": "Roos", "setting": "nursing_home"}))
    assert transfer(http, dora, client_id, today, to_setting="nursing_home",
                    ward_id=facilities["vlasbloem"]["ward"]).status_code == 201
    assert transfer(http, dora, client_id, today, to_setting="nursing_home", ward_id=second["id"]).status_code == 201
    assert transfer(http, dora, client_id, today, to_setting="home").status_code == 201
    record = http.get(f"/api/v1/clients/{client_id}", headers=dora.headers).json
    assert (record["care_setting"], record["ward_id"], record["room"]) == ("home", None, None)


def test_a_ward_of_another_facility_or_a_room_that_does_not_exist_is_refused_naming_the_field(
        http, dora, maria, facilities, today):
    client_id = new_client(http, dora, maria)
    vlasbloem, azdelta = facilities["vlasbloem"], facilities["azdelta"]
    cases = [
        ({"to_setting": "nursing_home", "ward_id": azdelta["ward"], "facility_id": vlasbloem["facility_id"]},
         {"ward_id": [f"Ward {azdelta['ward']} is a ward of another facility.",
                      f"Ward {azdelta['ward']} is a hospital ward, not nursing_home."]}),
        ({"to_setting": "nursing_home", "ward_id": vlasbloem["ward"], "room": "999"},
         {"room": [f"Ward {vlasbloem['ward']} has no room '999'."]}),
        ({"to_setting": "hospital", "room": "12"}, {"room": ["Name the ward (ward_id) the room is on."]}),
        ({"to_setting": "hospital", "ward_id": 2147483647}, {"ward_id": ["No ward 2147483647."]}),
    ]
    for body, errors in cases:
        response = transfer(http, dora, client_id, today, **body)
        assert response.status_code == 422, body
        assert response.json["errors"] == errors
    record = http.get(f"/api/v1/clients/{client_id}", headers=dora.headers).json
    assert (record["care_setting"], record["ward_id"]) == ("home", None)  # nothing half-written


def test_another_providers_ward_is_no_ward(http, world, maria, facilities, today):
    other = world.person("dietitian-b", "dietitian", organisation="Provider B")
    client_id = setup(http.post("/api/v1/clients", headers=other.headers, json=maria))["id"]
    ward = facilities["vlasbloem"]["ward"]
    response = transfer(http, other, client_id, today, to_setting="nursing_home", ward_id=ward)
    assert response.status_code == 422
    assert response.json["errors"] == {"ward_id": [f"No ward {ward}."]}


def agreement(facilities, **changes):
    return {"facility_id": facilities["vlasbloem"]["facility_id"], "ward_ids": [facilities["vlasbloem"]["ward"]],
            "meal_moments": ["breakfast", "lunch", "dinner"], "delivery_days": [4, 1], "cutoff_days_before": 1,
            "cutoff_time": "14:00:00", "pricing": "per_resident_day", "price_eur": "18.50",
            "invoice_to": "facility", "valid_from": "2026-12-01", **changes}


def test_a_service_agreement_says_what_is_served_on_which_terms(http, facilities):
    admin = facilities["admin"]
    made = http.post("/api/v1/service-agreements", headers=admin.headers, json=agreement(facilities))
    assert made.status_code == 201, made.json
    assert (made.json["delivery_days"], made.json["price_eur"], made.json["valid_until"]) == ([1, 4], "18.50", None)
    ended = http.post(f"/api/v1/service-agreements/{made.json['id']}/end", headers=admin.headers,
                      json={"valid_until": "2027-06-30"})
    assert ended.status_code == 200, ended.json
    assert http.get(f"/api/v1/service-agreements/{made.json['id']}",
                    headers=admin.headers).json["valid_until"] == "2027-06-30"


def test_an_agreement_names_wards_of_its_own_facility_only(http, facilities):
    other_ward = facilities["azdelta"]["ward"]
    response = http.post("/api/v1/service-agreements", headers=facilities["admin"].headers,
                         json=agreement(facilities, ward_ids=[facilities["vlasbloem"]["ward"], other_ward],
                                        pricing="per_tray"))
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"pricing"}  # the schema answers first
    response = http.post("/api/v1/service-agreements", headers=facilities["admin"].headers,
                         json=agreement(facilities, ward_ids=[facilities["vlasbloem"]["ward"], other_ward]))
    assert response.status_code == 422
    assert response.json["errors"] == {"ward_ids.1": [f"Ward {other_ward} is a ward of another facility."]}


def test_another_providers_agreement_is_not_found(http, world, facilities):
    made = setup(http.post("/api/v1/service-agreements", headers=facilities["admin"].headers,
                           json=agreement(facilities)))
    other = world.person("admin-b", "admin", organisation="Provider B")
    assert http.get(f"/api/v1/service-agreements/{made['id']}", headers=other.headers).status_code == 404
