"""Issue 18 item 3 in the web app: on the client page the dietitian sees the timeline,
records a coaching session and gives an item of the library; form errors stand next to
their field, in Dutch and English."""
from __future__ import annotations

import pytest

from tests.setup_calls import setup

LEAFLET = {"key": "iddsi-level-4", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "IDDSI niveau 4: gepureerd", "body": "Glad, zonder klontjes.", "author": "Lien",
           "reviewed_on": "2026-11-02"}


@pytest.fixture
def leaflet(http, world):
    admin = world.person("ada", "admin")
    return setup(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET))


@pytest.mark.parametrize("lang, words", [("nl-BE", ("Tijdlijn", "Coachingsessie", "Informatie geven")),
                                         ("en-GB", ("Timeline", "Coaching session", "Give information"))])
def test_the_client_page_shows_the_timeline_and_the_coaching_pages_render(
        web, lien, measured_client, leaflet, lang, words):
    browser = web(lien, lang=lang)
    page = browser.get(f"/app/dietitian/clients/{measured_client}")
    assert page.status_code == 200 and all(word in page.text for word in words)
    assert "61,6 kg" in page.text or "61.6 kg" in page.text  # November's weight on the timeline
    for url in (f"/app/dietitian/clients/{measured_client}/coaching-sessions/new",
                f"/app/dietitian/clients/{measured_client}/information"):
        assert browser.get(url).status_code == 200, url


@pytest.mark.business_day("2026-12-07T12:00")  # after the 10:30 session: a time of day, not the wall clock's
def test_a_session_is_recorded_from_the_form_and_shows_on_the_timeline(web, http, lien, measured_client, today):
    browser = web(lien, lang="en-GB")
    response = browser.post(f"/app/dietitian/clients/{measured_client}/coaching-sessions/new", {
        "held_at": f"{today.isoformat()}T10:30", "mode": "home_visit", "assessment": "Eats slowly",
        "actions.0.text": "Weigh on Mondays", "actions.0.owner": "caregiver", "actions.0.due_on": today.isoformat()})
    assert response.status_code == 302
    [session] = setup(http.get(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=lien.headers))
    assert session["held_at"].startswith(today.isoformat()) and session["actions"][0]["owner"] == "caregiver"
    assert "Eats slowly" in browser.get(f"/app/dietitian/clients/{measured_client}").text


@pytest.mark.parametrize("lang, message", [("en-GB", "Due on the session's day or within a year after it."),
                                           ("nl-BE", "Op de dag van de sessie of binnen een jaar erna.")])
def test_a_bad_session_shows_the_error_next_to_its_field(web, lien, measured_client, today, lang, message):
    browser = web(lien, lang=lang)
    response = browser.post(f"/app/dietitian/clients/{measured_client}/coaching-sessions/new", {
        "held_at": f"{today.isoformat()}T10:30", "mode": "phone",
        "actions.0.text": "Walk", "actions.0.owner": "client", "actions.0.due_on": "2020-01-01"})
    assert response.status_code == 422
    assert 'id="f-actions-0-due_on-error-1"' in response.text and message in response.text


def test_the_dietitian_gives_a_leaflet_and_sees_it_read(web, http, world, lien, measured_client, leaflet):
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view"]}))
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/clients/{measured_client}/information"
    assert browser.post(url, {"content_item_id": str(leaflet["id"])}).status_code == 302
    [given] = setup(http.get(f"/api/v1/clients/{measured_client}/content-assignments", headers=anna.headers))
    setup(http.post(f"/api/v1/clients/{measured_client}/content-assignments/{given['id']}/read",
                    headers=anna.headers))
    page = browser.get(url).text
    assert "IDDSI niveau 4: gepureerd" in page and "not yet" not in page
    again = browser.post(url, {"content_item_id": str(leaflet["id"])})
    assert again.status_code == 409 and 'id="f-content_item_id-error-1"' in again.text
