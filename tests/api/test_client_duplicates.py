"""GET /api/v1/clients/likely-duplicates: before registering someone, the caller's clients
with the same family name, birth date and postal code (case and spacing aside); the search
by date of birth."""
from __future__ import annotations

from datetime import date

from nutriplat.clients.domain import duplicate_key
from nutriplat.clients.search import birth_date_in
from tests.setup_calls import setup

URL = "/api/v1/clients/likely-duplicates"


def test_the_same_person_typed_differently_is_a_likely_duplicate(http, lien, world, maria):
    existing = setup(http.post("/api/v1/clients", json=maria, headers=lien.headers))["id"]
    found = http.get(f"{URL}?family_name=VANDENBERGHE%20&birth_date=1944-03-12&postal_code=88%2000",
                     headers=lien.headers)
    assert found.status_code == 200 and [c["id"] for c in found.json] == [existing]
    for other in ("birth_date=1944-03-13&family_name=Vandenberghe&postal_code=8800",
                  "birth_date=1944-03-12&family_name=Vandenberghe&postal_code=8870"):
        assert http.get(f"{URL}?{other}", headers=lien.headers).json == [], other
    stranger = world.person("otto", "dietitian", "Provider B")
    assert http.get(f"{URL}?family_name=Vandenberghe&birth_date=1944-03-12&postal_code=8800",
                    headers=stranger.headers).json == []


def test_bad_or_missing_fields_are_a_422_naming_them_and_other_roles_a_403(http, lien, world):
    response = http.get(f"{URL}?birth_date=12/03/1944", headers=lien.headers)
    assert response.status_code == 422
    assert {"family_name", "birth_date"} <= set(response.json["errors"])
    logistics = world.person("lore", "logistics", "Provider A")
    assert http.get(f"{URL}?family_name=X&birth_date=1944-03-12", headers=logistics.headers).status_code == 403


def test_the_client_list_finds_by_date_of_birth(http, lien, maria):
    setup(http.post("/api/v1/clients", json=maria, headers=lien.headers))
    for query in ("birth_date=1944-03-12", "search=12/03/1944", "search=1944-03-12"):
        assert [c["family_name"] for c in http.get(f"/api/v1/clients?{query}", headers=lien.headers).json] == \
            ["Vandenberghe"], query
    assert http.get("/api/v1/clients?birth_date=1944-03-13", headers=lien.headers).json == []


def test_the_duplicate_key_and_a_typed_birth_date():
    assert duplicate_key(" De  Smet", date(1940, 1, 2), "88 00") == duplicate_key("de smet", "1940-01-02", "8800")
    assert birth_date_in("21/06/1938") == birth_date_in("21-6-1938") == birth_date_in("1938-06-21") == date(1938, 6, 21)
    assert birth_date_in("31/02/1938") is None and birth_date_in("8800") is None and birth_date_in("maria") is None
