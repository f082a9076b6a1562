"""Issue 17 item 3: /app/me and /app/care, signed in through the login form; every form is
the API's use case, errors next to their fields. The reference day is Monday 2026-12-07."""
from __future__ import annotations

import pytest

from tests.api.portal.home_world import suitable
from tests.conftest import TEST_PASSWORD


def test_the_client_lands_on_their_own_page_with_every_section(web, client_account):
    browser = web()
    landed = browser.login("client.maria", TEST_PASSWORD)
    assert landed.headers["Location"].endswith("/app/")
    assert browser.get("/app/").headers["Location"].endswith("/app/me")
    page = browser.get("/app/me")
    assert page.status_code == 200 and "Maria Vandenberghe" in page.get_data(as_text=True)
    for section in ("eaten", "home", "goals", "messages", "data"):
        assert f'href="/app/me/{section}"' in page.get_data(as_text=True)
        shown = browser.get(f"/app/me/{section}")
        assert shown.status_code == 200 and f'id="{section}"' in shown.get_data(as_text=True)
    assert browser.get("/app/me/elsewhere").status_code == 404


def test_a_caregivers_page_names_each_mandated_client_and_opens_theirs(web, http, home, caregiver, maria, world):
    anna = caregiver("anna", "view", "record")
    other = http.post("/api/v1/clients", headers=home["people"]["dietitian"].headers, json=maria | {
        "given_name": "Jozef", "family_name": "Declercq"}).json
    http.post(f"/api/v1/clients/{other['id']}/mandates", headers=home["people"]["dietitian"].headers,
              json={"caregiver_id": anna.id, "scopes": ["view"]})
    browser = web(anna)
    page = browser.get("/app/care")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Maria Vandenberghe" in html and "Jozef Declercq" in html
    assert browser.get(f"/app/care/{home['client']}").status_code == 200


def test_one_tap_records_lunch_and_a_weight(maria_web, http, home, client_account):
    saved = maria_web.post("/app/me/meal", {"meal_slot": "lunch", "portion": "three_quarters", "glasses": "2"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/app/me/eaten#meal")
    weighed = maria_web.post("/app/me/weight", {"value": "60,5"})
    assert weighed.status_code == 302
    intake = http.get(f"/api/v1/clients/{home['client']}/intake", headers=client_account).json
    assert [(r["meal_slot"], r["percent_eaten"], r["fluid_ml"]) for r in intake] == [("lunch", 75, 300)]


def test_a_meal_without_how_much_shows_the_error_linked_to_its_field(maria_web):
    page = maria_web.post("/app/me/meal", {"meal_slot": "lunch", "glasses": "1"})
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert 'href="#f-portion"' in html and 'id="f-portion"' in html


@pytest.mark.business_day("2026-12-07T15:00")
def test_an_extra_meal_after_the_cut_off_is_refused_on_the_page(web, home, caregiver):
    anna = caregiver("anna", "view", "order")
    browser = web(anna, lang="en-GB")
    page = browser.post(f"/app/care/{home['client']}/extra", {
        "delivery_date": "2026-12-08", "variant_id": str(suitable(home).variant_id), "quantity": "1"})
    assert page.status_code == 409
    assert 'href="#f-delivery_date"' in page.get_data(as_text=True)


def test_a_client_gets_404_for_another_clients_page_and_data(maria_web, http, home, maria):
    other = http.post("/api/v1/clients", headers=home["people"]["dietitian"].headers,
                      json=maria | {"given_name": "Jozef"}).json
    assert maria_web.get(f"/app/care/{other['id']}").status_code == 403  # not a caregiver's page
    assert http.get(f"/api/v1/clients/{other['id']}/fhir-bundle",
                    headers=maria_web_headers(http)).status_code == 404


def maria_web_headers(http):
    token = http.post("/api/v1/auth/token", json={"username": "client.maria", "password": TEST_PASSWORD}).json
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_the_client_downloads_their_record_as_a_fhir_bundle(maria_web):
    download = maria_web.get("/app/me/data.json")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    kinds = {e["resource"]["resourceType"] for e in download.json["entry"]}
    assert {"Patient", "NutritionOrder"} <= kinds and download.json["resourceType"] == "Bundle"


def test_the_client_withdraws_research_consent_on_the_page(maria_web, http, home, client_account):
    consent = http.post(f"/api/v1/clients/{home['client']}/consents", headers=home["people"]["dietitian"].headers,
                        json={"purpose": "research"}).json
    done = maria_web.post("/app/me/withdraw", {"consent_id": str(consent["id"])})
    assert done.status_code == 302
    listed = http.get(f"/api/v1/clients/{home['client']}/consents", headers=client_account).json
    assert listed[0]["withdrawn_at"] is not None


def test_a_message_reaches_the_dietitian_and_is_read_when_they_open_the_thread(maria_web, http, home,
                                                                             client_account):
    sent = maria_web.post("/app/me/message", {"body": "Mag ik soep in plaats van pap?"})
    assert sent.status_code == 302
    dietitian = home["people"]["dietitian"].headers
    unread = http.get("/api/v1/messages/unread", headers=dietitian).json
    assert [(u["client_id"], u["count"]) for u in unread] == [(home["client"], 1)]
    thread = http.get(f"/api/v1/clients/{home['client']}/messages", headers=dietitian).json
    assert [m["body"] for m in thread] == ["Mag ik soep in plaats van pap?"]
    assert http.get("/api/v1/messages/unread", headers=dietitian).json == []
    seen_by_maria = http.get(f"/api/v1/clients/{home['client']}/messages", headers=client_account).json
    assert seen_by_maria[0]["read_at"] is not None


def test_a_new_message_is_on_the_dietitians_day_and_answered_from_the_thread(web, maria_web, home, http,
                                                                           client_account):
    maria_web.post("/app/me/message", {"body": "Ik heb geen honger vandaag."})
    dietitian = web(home["people"]["dietitian"], lang="en-GB")
    day = dietitian.get("/app/dietitian/").get_data(as_text=True)
    assert f'/app/dietitian/clients/{home["client"]}/messages' in day and "New messages (1)" in day
    assert dietitian.get(f"/app/dietitian/clients/{home['client']}/messages").status_code == 200
    answered = dietitian.post(f"/app/dietitian/clients/{home['client']}/messages", {"body": "Ik bel je morgen."})
    assert answered.status_code == 302
    thread = http.get(f"/api/v1/clients/{home['client']}/messages", headers=client_account).json
    assert [(m["body"], m["from_client_side"], m["read_at"] is not None) for m in thread] == [
        ("Ik heb geen honger vandaag.", True, True), ("Ik bel je morgen.", False, True)]
    assert "No new messages." in dietitian.get("/app/dietitian/").get_data(as_text=True)
