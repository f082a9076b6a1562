"""Issue 18 item 2, the information platform: admins keep a library of articles, videos
and leaflets in nl-BE and English; the dietitian (or a rule) gives a client or a caregiver
an item; the caregiver sees only what was given to them and the receipt records the reading."""
from __future__ import annotations

import pytest

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

LEAFLET = {"key": "swallowing-eat10", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "Veilig slikken", "body": "Rechtop zitten, kleine happen, niet praten tijdens het eten.",
           "author": "Lien Claeys, diëtist", "reviewed_on": "2026-11-02"}
VIDEO = {"key": "levodopa-protein", "kind": "video", "topic": "parkinson_protein_timing", "lang": "en",
         "title": "Protein and levodopa timing", "url": "https://video.example.org/levodopa",
         "author": "Lien Claeys, dietitian", "reviewed_on": "2026-10-15"}
LEVEL_4 = {"key": "iddsi-level-4", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "IDDSI niveau 4: gepureerd", "body": "Glad, zonder klontjes, blijft op de lepel staan.",
           "author": "Lien Claeys, diëtist", "reviewed_on": "2026-11-02"}
EAT_10_RISK = {"instrument": "eat_10", "answers": {"items": [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]},
               "performed_at": "2026-12-01T10:00:00+01:00"}


@pytest.fixture
def admin(world):
    return world.person("ada", "admin")


@pytest.fixture
def library(http, admin):
    return {body["key"]: setup(http.post("/api/v1/content-items", headers=admin.headers, json=body))
            for body in (LEAFLET, VIDEO, LEVEL_4)}


@pytest.fixture
def anna(http, world, lien, measured_client):
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view", "record"]}))
    return anna


def _assign(http, who, client_id, item_id, **extra):
    return http.post(f"/api/v1/clients/{client_id}/content-assignments", headers=who.headers,
                     json={"content_item_id": item_id, **extra})


def test_the_library_lists_items_per_language_with_their_review_date(http, lien, library):
    english = http.get("/api/v1/content-items?lang=en", headers=lien.headers)
    assert english.status_code == 200
    assert [(i["title"], i["topic"], i["lang"], i["reviewed_on"]) for i in english.json] == [
        ("Protein and levodopa timing", "parkinson_protein_timing", "en", "2026-10-15")]
    dutch = http.get("/api/v1/content-items?lang=nl-BE", headers=lien.headers).json
    assert {i["key"] for i in dutch} == {"swallowing-eat10", "iddsi-level-4"} and all("id" in i for i in dutch)


def test_only_an_admin_adds_to_the_library_and_a_video_needs_its_link(http, admin, lien):
    assert http.post("/api/v1/content-items", headers=lien.headers, json=LEAFLET).status_code == 403
    assert_error(http.post("/api/v1/content-items", headers=admin.headers, json=VIDEO | {"url": None}),
                 422, "url")
    setup(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET))
    assert_error(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET), 409, "key")
    assert_error(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET | {"lang": "fr"}),
                 422, "lang")


def test_an_admin_revises_an_item_with_a_new_review_date(http, admin, library):
    item = library["levodopa-protein"]
    revised = http.patch(f"/api/v1/content-items/{item['id']}", headers=admin.headers,
                         json={"reviewed_on": "2026-12-01"})
    assert revised.status_code == 200 and revised.json["reviewed_on"] == "2026-12-01"


def test_the_dietitian_assigns_an_item_and_the_caregiver_reads_it(http, lien, anna, measured_client, library):
    leaflet = library["swallowing-eat10"]
    created = _assign(http, lien, measured_client, leaflet["id"])
    assert created.status_code == 201 and created.json["read_at"] is None
    assert created.json["item"]["title"] == "Veilig slikken"

    seen = http.get("/api/v1/content-items", headers=anna.headers)
    assert [i["id"] for i in seen.json] == [leaflet["id"]]  # only what was given, not the library
    assert http.get(f"/api/v1/content-items/{library['levodopa-protein']['id']}",
                    headers=anna.headers).status_code == 404
    assert http.get(f"/api/v1/content-items/{leaflet['id']}", headers=anna.headers).json["body"]

    url = f"/api/v1/clients/{measured_client}/content-assignments"
    read = http.post(f"{url}/{created.json['id']}/read", headers=anna.headers)
    assert read.status_code == 200 and read.json["read_at"] and read.json["read_by"] == anna.id
    again = setup(http.post(f"{url}/{created.json['id']}/read", headers=anna.headers))
    assert again["read_at"] == read.json["read_at"]  # the first reading is the receipt
    [listed] = setup(http.get(url, headers=lien.headers))
    assert listed["read_at"] == read.json["read_at"]


def test_an_item_for_one_caregiver_is_not_shown_to_another(http, world, lien, anna, measured_client, library):
    bart = world.person("bart", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": bart.id, "scopes": ["view"]}))
    setup(_assign(http, lien, measured_client, library["levodopa-protein"]["id"], caregiver_id=anna.id))
    url = f"/api/v1/clients/{measured_client}/content-assignments"
    assert len(setup(http.get(url, headers=anna.headers))) == 1
    assert setup(http.get(url, headers=bart.headers)) == []
    assert setup(http.get("/api/v1/content-items", headers=bart.headers)) == []


def test_bad_assignments_name_their_field(http, world, lien, anna, measured_client, library):
    assert_error(_assign(http, lien, measured_client, 999_999), 422, "content_item_id")
    stranger = world.person("cas", "caregiver", organisation=None)
    assert_error(_assign(http, lien, measured_client, library["swallowing-eat10"]["id"], caregiver_id=stranger.id),
                 422, "caregiver_id")
    setup(_assign(http, lien, measured_client, library["swallowing-eat10"]["id"]))
    assert_error(_assign(http, lien, measured_client, library["swallowing-eat10"]["id"]), 409, "content_item_id")
    assert _assign(http, anna, measured_client, library["swallowing-eat10"]["id"]).status_code == 403


def test_another_organisations_dietitian_sees_neither_the_client_nor_the_library(
        http, world, lien, measured_client, library):
    other = world.person("olga", "dietitian", organisation="Provider B")
    assert setup(http.get("/api/v1/content-items", headers=other.headers)) == []
    assert _assign(http, other, measured_client, library["swallowing-eat10"]["id"]).status_code == 404


def test_an_eat_10_of_three_or_more_assigns_the_swallowing_leaflet_once(http, lien, measured_client, library):
    for _ in range(2):
        setup(http.post(f"/api/v1/clients/{measured_client}/screenings", headers=lien.headers, json=EAT_10_RISK))
    [given] = setup(http.get(f"/api/v1/clients/{measured_client}/content-assignments", headers=lien.headers))
    assert (given["item"]["key"], given["rule"], given["assigned_by"]) == ("swallowing-eat10", "eat_10", None)


def test_an_eat_10_below_three_assigns_nothing(http, lien, measured_client, library):
    setup(http.post(f"/api/v1/clients/{measured_client}/screenings", headers=lien.headers,
                    json=EAT_10_RISK | {"answers": {"items": [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]}}))
    assert setup(http.get(f"/api/v1/clients/{measured_client}/content-assignments", headers=lien.headers)) == []


def test_a_new_iddsi_level_assigns_what_the_level_means(http, lien, measured_client, library):
    setup(http.patch(f"/api/v1/clients/{measured_client}", headers=lien.headers, json={"iddsi_food_level": "4"}))
    [given] = setup(http.get(f"/api/v1/clients/{measured_client}/content-assignments", headers=lien.headers))
    assert (given["item"]["key"], given["rule"]) == ("iddsi-level-4", "iddsi_level")
