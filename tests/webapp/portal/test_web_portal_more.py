"""Issue 17, the portal's last gaps on the pages: a skipped delivery shown and undone,
healthcoins spent against the next invoice, and what the dietitian gave the client to
read shown on /app/me. The reference day is Monday 2026-12-07."""
from __future__ import annotations

import pytest

from tests.api.billing.conftest import BUNDLE
from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup

LEAFLET = {"key": "swallowing-safe", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "Veilig slikken", "summary": "Rechtop zitten en kleine happen.",
           "body": "Rechtop zitten, kleine happen, niet praten tijdens het eten.",
           "author": "Lien Claeys, diëtist", "reviewed_on": "2026-11-02"}


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_caregiver_skips_a_delivery_sees_it_skipped_and_undoes_it(web, http, home, caregiver):
    anna = caregiver("anna", "view", "order")
    browser = web(anna, lang="en-GB")
    page = f"/app/care/{home['client']}"
    done = browser.post(f"{page}/skip", {"delivery_date": "2026-12-10"})
    assert done.status_code == 302 and done.headers["Location"].endswith("/home#skip")
    html = browser.get(f"{page}/home").get_data(as_text=True)
    assert "skipped" in html and 'action="' + page + '/unskip"' in html
    skips = http.get(f"/api/v1/clients/{home['client']}/skipped-deliveries", headers=anna.headers).json
    assert [s["delivery_date"] for s in skips] == ["2026-12-10"]
    assert browser.post(f"{page}/unskip", {"delivery_date": "2026-12-10"}).status_code == 302
    assert http.get(f"/api/v1/clients/{home['client']}/skipped-deliveries", headers=anna.headers).json == []


def test_the_client_spends_coins_and_sees_them_on_the_next_invoice(maria_web, http, home, client_account,
                                                                  world):
    base = f"/api/v1/clients/{home['client']}/healthcoins"
    admin = world.person("ada", "admin")
    plan = setup(http.post("/api/v1/billing/plans", headers=admin.headers, json={
        "code": "standard", "name": "Standard", "version": {"effective_from": "2026-01-01", **BUNDLE}}))
    setup(http.post(f"/api/v1/clients/{home['client']}/subscriptions", headers=home["people"]["dietitian"].headers,
                    json={"plan_id": plan["id"], "start_date": "2026-12-01"}))  # the invoice the coins go on
    setup(http.post(f"{base}/awards", headers=home["people"]["dietitian"].headers,
                    json={"coins": 120, "reason": "walked every day this week"}))
    goals = maria_web.get("/app/me/goals").get_data(as_text=True)
    assert 'action="/app/me/redeem"' in goals and 'id="f-coins"' in goals
    too_few = maria_web.post("/app/me/redeem", {"coins": "5"})
    assert too_few.status_code == 422 and 'href="#f-coins"' in too_few.get_data(as_text=True)
    too_many = maria_web.post("/app/me/redeem", {"coins": "500"})
    assert too_many.status_code == 409 and "The balance is 120 coins." in too_many.get_data(as_text=True)
    assert maria_web.post("/app/me/redeem", {"coins": "100"}).status_code == 302
    ledger = http.get(base, headers=client_account).json
    assert (ledger["balance"], ledger["on_next_invoice"]) == (20, "10.00")
    assert "€ 10.00" in maria_web.get("/app/me/goals").get_data(as_text=True)


def test_what_the_dietitian_gave_the_client_to_read_is_on_their_page(web, http, home, client_account, world):
    admin = world.person("ada", "admin")
    item = setup(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET))
    dietitian = home["people"]["dietitian"].headers
    given = setup(http.post(f"/api/v1/clients/{home['client']}/content-assignments", headers=dietitian,
                            json={"content_item_id": item["id"], "note": "Lees dit samen met An."}))
    carer = caregiver_only(http, home, world, item)
    browser = web()
    browser.login("client.maria", TEST_PASSWORD, lang="en-GB")
    html = browser.get("/app/me/read").get_data(as_text=True)
    assert "Veilig slikken" in html and "Lees dit samen met An." in html and carer not in html
    assert browser.post("/app/me/read", {"assignment_id": str(given["id"])}).status_code == 302
    listed = http.get(f"/api/v1/clients/{home['client']}/content-assignments", headers=client_account).json
    assert [(a["id"], a["read_at"] is not None) for a in listed] == [(given["id"], True)]


def caregiver_only(http, home, world, item):
    """An item given to the client's caregiver only: the client does not see it."""
    anna = world.person("anna", "caregiver", organisation=None)
    dietitian = home["people"]["dietitian"].headers
    setup(http.post(f"/api/v1/clients/{home['client']}/mandates", headers=dietitian,
                    json={"caregiver_id": anna.id, "scopes": ["view"]}))
    setup(http.post(f"/api/v1/clients/{home['client']}/content-assignments", headers=dietitian,
                    json={"content_item_id": item["id"], "caregiver_id": anna.id, "note": "Voor An alleen."}))
    return "Voor An alleen."
