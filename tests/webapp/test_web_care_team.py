"""The care team in the web app: the dietitian keeps a client's care team (members with
role and consent; adding a GP or a caregiver with the client's consent; withdrawing it),
linked from the client's page; a caregiver in the care team sees the alerts they were told
of on /app/care and acknowledges one for everyone told."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from nutriplat.careteam.models import CareTeamMember
from tests.api.careteam.test_care_team_alerts import care_alerts, lose_weight
from tests.setup_calls import setup


@pytest.fixture
def team(world, http, maria, today):
    """Dora's client Maria, referred by De Mandel's GP; Anna, Maria's caregiver with a mandate."""
    dora = world.person("dora", "dietitian")
    gp = world.person("dr.mandel", "referrer", "Huisartsenpraktijk De Mandel")
    world.person("dr.other", "referrer", "Huisartsenpraktijk Elders")  # never referred to Dora's provider
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "status": "active", "referral": {"organisation_id": gp.organisation_id,
                                         "date": (today - timedelta(days=30)).isoformat()}}))
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{client['id']}/mandates", headers=dora.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view"]}))
    return dora, client["id"], gp, anna


def page(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def test_the_dietitian_adds_a_gp_and_a_caregiver_with_consent_and_withdraws_one(web, team, http, uow):
    dora, client_id, gp, anna = team
    as_dora = web(dora, lang="en-GB")
    url = f"/app/dietitian/clients/{client_id}/care-team"
    assert url in page(as_dora.get(f"/app/dietitian/clients/{client_id}"))
    empty = page(as_dora.get(url))
    assert "Nobody is in the care team yet." in empty
    assert "dr.mandel (Huisartsenpraktijk De Mandel)" in empty and "anna (caregiver)" in empty
    assert "dr.other" not in empty  # only the organisations that refer to this provider are offered

    for person, kind in ((gp, "gp"), (anna, "caregiver")):
        added = as_dora.post(url, {"user_id": str(person.id), "kind": kind, "consent": "true"})
        assert added.status_code == 302, added.get_data(as_text=True)[:2000]
    listed = page(as_dora.get(url))
    assert re.search(r"<td>dr\.mandel</td><td>GP</td>\s*<td>given ", listed)
    assert re.search(r"<td>anna</td><td>caregiver</td>\s*<td>given ", listed)
    assert [(m["name"], m["kind"], m["consented"]) for m in setup(http.get(
        f"/api/v1/clients/{client_id}/care-team", headers=dora.headers))] == [
        ("dr.mandel", "gp", True), ("anna", "caregiver", True)]

    member = next(m for m in setup(http.get(f"/api/v1/clients/{client_id}/care-team", headers=dora.headers))
                  if m["kind"] == "gp")
    withdrawn = as_dora.post(f"{url}/{member['id']}/withdraw")
    assert withdrawn.status_code == 302
    assert re.search(r"<td>dr\.mandel</td><td>GP</td>\s*<td>withdrawn ", page(as_dora.get(url)))
    with uow:
        assert uow.session.get_one(CareTeamMember, member["id"]).consent_withdrawn_at is not None


def test_a_member_without_the_clients_consent_or_of_the_wrong_kind_is_refused_next_to_the_field(web, team, uow):
    dora, client_id, gp, anna = team
    as_dora = web(dora, lang="en-GB")
    url = f"/app/dietitian/clients/{client_id}/care-team"
    no_consent = as_dora.post(url, {"user_id": str(gp.id), "kind": "gp"})
    assert no_consent.status_code == 422
    assert 'href="#f-consent"' in no_consent.get_data(as_text=True)
    wrong_kind = as_dora.post(url, {"user_id": str(anna.id), "kind": "gp", "consent": "true"})
    assert wrong_kind.status_code == 422
    assert 'href="#f-kind"' in wrong_kind.get_data(as_text=True)
    with uow:
        assert uow.session.query(CareTeamMember).count() == 0  # nothing half-written


def test_the_care_team_page_is_the_clients_dietitians_only(web, team, world):
    _, client_id, gp, anna = team
    url = f"/app/dietitian/clients/{client_id}/care-team"
    assert web(world.person("olga", "dietitian", "Provider B")).get(url).status_code == 404
    assert web(gp).get(url).status_code == 403
    assert web(anna).get(url).status_code == 403


def test_a_caregiver_in_the_care_team_sees_the_alert_on_their_page_and_acknowledges_it_for_all(
        web, team, http, world):
    dora, client_id, _, anna = team
    setup(http.post(f"/api/v1/clients/{client_id}/care-team", headers=dora.headers,
                    json={"user_id": anna.id, "kind": "caregiver", "consent": True}))
    bert = world.person("bert", "caregiver", organisation=None)  # a mandate, not in the care team
    setup(http.post(f"/api/v1/clients/{client_id}/mandates", headers=dora.headers,
                    json={"caregiver_id": bert.id, "scopes": ["view"]}))
    setup(http.put("/api/v1/alert-routes/weight_loss", headers=world.person("ada", "admin").headers,
                   json={"recipients": ["dietitian", "caregiver"]}))
    lose_weight(http, dora, client_id)
    [told] = care_alerts(http, anna)

    as_anna = web(anna, lang="en-GB")
    care = page(as_anna.get("/app/care"))
    assert "Care-team alerts" in care and f'id="care-alert-{told["id"]}"' in care
    assert "Maria Vandenberghe" in care and "not yet" in care
    assert "No alerts for you." in page(web(bert, lang="en-GB").get("/app/care"))

    acknowledged = as_anna.post(f"/app/care/alerts/{told['id']}/acknowledge")
    assert acknowledged.status_code == 302
    assert acknowledged.headers["Location"].endswith(f"/app/care#care-alert-{told['id']}")
    assert "by anna on" in page(as_anna.get("/app/care"))
    [seen_by_dora] = care_alerts(http, dora)
    assert seen_by_dora["acknowledged_by_name"] == "anna"
    assert web(bert).post(f"/app/care/alerts/{told['id']}/acknowledge").status_code == 404
