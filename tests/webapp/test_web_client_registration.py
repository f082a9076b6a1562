"""Registering a new client in the web app: the API's client create form; when the
organisation already has someone with the same family name, birth date and postal code,
the page lists them (with links) before anything is saved, and registers only when the
dietitian confirms a new person. And the client search by date of birth."""
from __future__ import annotations

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import Client

URL = "/app/dietitian/clients/new"
JAN = {"given_name": "Jan", "family_name": "Declercq", "birth_date": "1938-06-21", "sex": "male",
       "care_setting": "home", "status": "referred", "address.street": "Elders 1",
       "address.postal_code": "8800", "address.city": "Roeselare", "address.country": "BE",
       "iddsi_food_level": "6", "iddsi_drink_level": "0", "conditions": "parkinson", "allergies": "milk"}


def _clients(uow, family_name: str) -> list[Client]:
    with uow:
        return list(uow.session.query(Client).filter_by(family_name=family_name).order_by(Client.id))


def test_a_new_person_is_registered_straight_away(web, lien, uow):
    browser = web(lien)
    assert "Nieuwe cliënt" in browser.get(URL).text
    saved = browser.post(URL, JAN)
    assert saved.status_code == 302
    [jan] = _clients(uow, "Declercq")
    assert saved.headers["Location"].endswith(f"/app/dietitian/clients/{jan.id}")
    assert (jan.organisation_id, jan.iddsi_food_level, jan.conditions, jan.allergies, jan.postal_code) == \
        (lien.organisation_id, "6", ["parkinson"], ["milk"], "8800")


def test_a_likely_duplicate_is_shown_before_saving_and_saved_only_when_confirmed(web, lien, uow):
    browser = web(lien)
    assert browser.post(URL, JAN).status_code == 302
    [first] = _clients(uow, "Declercq")
    # The same person typed differently: another case and spacing in the name and postcode.
    again = JAN | {"given_name": "Johannes", "family_name": "DECLERCQ ", "address.postal_code": "88 00"}
    step = browser.post(URL, again)
    assert step.status_code == 200
    assert "Mogelijke dubbels" in step.text and f'href="/app/dietitian/clients/{first.id}"' in step.text
    assert len(_clients(uow, "DECLERCQ")) == 0  # nothing saved by the check
    with uow:  # the duplicate shown is a read of that client
        assert uow.session.query(AuditEntry).filter_by(resource="client", action="list",
                                                       client_id=first.id).count() == 1
    confirmed = browser.post(URL, again | {"new_person": str(first.id)})
    assert confirmed.status_code == 302
    assert len(_clients(uow, "DECLERCQ")) == 1


def test_a_duplicate_found_after_the_confirmation_is_shown_again(web, lien, uow):
    browser = web(lien)
    browser.post(URL, JAN)
    browser.post(URL, JAN | {"new_person": ""})  # confirmed although nobody was listed: checked again
    assert len(_clients(uow, "Declercq")) == 1


def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(web, lien, uow):
    browser = web(lien, lang="en-GB")
    response = browser.post(URL, JAN | {"birth_date": "2099-01-01", "address.country": "Belgium", "sex": ""})
    assert response.status_code == 422
    for name in ("birth_date", "address-country", "sex"):
        assert f'id="f-{name}-error-1"' in response.text, name
    assert "Please correct the following" in response.text
    assert _clients(uow, "Declercq") == []


def test_the_page_is_for_dietitians_and_a_duplicate_of_another_organisation_is_not_shown(world, web, lien, uow):
    assert web(world.person("lore", "logistics", "Provider A")).get(URL).status_code == 403
    web(lien).post(URL, JAN)
    otto = world.person("otto", "dietitian", "Provider B")
    response = web(otto).post(URL, JAN)
    assert response.status_code == 302  # Provider B has no Jan: its own client straight away
    assert {c.organisation_id for c in _clients(uow, "Declercq")} == {lien.organisation_id, otto.organisation_id}


def test_the_client_search_finds_by_date_of_birth(web, lien):
    browser = web(lien)
    browser.post(URL, JAN)
    for query in ("birth_date=1938-06-21", "search=21/06/1938", "search=1938-06-21", "search=21.6.1938"):
        assert "Declercq, Jan" in browser.get(f"/app/dietitian/clients?{query}").text, query
    for query in ("birth_date=1938-06-22", "search=31/02/1938"):
        assert "Declercq, Jan" not in browser.get(f"/app/dietitian/clients?{query}").text, query
    wrong = browser.get("/app/dietitian/clients?birth_date=21-06-1938")
    assert wrong.status_code == 422 and 'id="f-birth_date-error-1"' in wrong.text
