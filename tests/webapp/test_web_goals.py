"""Goals set with the client in the web app: a counted goal set through the monitoring
service, its progress reported until it is met, another closed; a period that ends before
it starts and progress outside the goal's period are refused next to their fields; another
organisation's dietitian gets 404."""
from __future__ import annotations

from datetime import timedelta

from nutriplat.monitoring.models import Goal
from tests.setup_calls import setup


def _goals(uow, client_id: int) -> list[tuple[str, str, float | None]]:
    with uow:
        return [(g.description, g.status, g.progress_value)
                for g in uow.session.query(Goal).filter_by(client_id=client_id).order_by(Goal.id)]


def _client(http, lien, maria) -> int:
    return setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]


def test_a_goal_is_set_progress_reported_until_met_and_another_closed(web, http, lien, maria, uow, today):
    client_id = _client(http, lien, maria)
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/clients/{client_id}/goals"
    assert "No goals yet." in browser.get(url).text
    walk = {"description": "Walk to the bakery twice", "domain": "activity", "metric": "sessions",
            "direction": "at_least", "target": "2", "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=13)).isoformat(), "coins": "40"}
    assert browser.post(url, walk).status_code == 302
    weight = walk | {"description": "Back to 64 kg", "domain": "nutrition", "metric": "weight_kg", "target": "64"}
    assert browser.post(url, weight).status_code == 302
    assert [g[:2] for g in _goals(uow, client_id)] == [("Walk to the bakery twice", "active"),
                                                       ("Back to 64 kg", "active")]
    walk_id, weight_id = (g["id"] for g in sorted(setup(http.get(f"/api/v1/clients/{client_id}/goals",
                                                                  headers=lien.headers)), key=lambda g: g["id"]))
    page = browser.get(url).text
    assert "Walk to the bakery twice" in page and "Record progress" in page
    assert page.count("Record progress<span") == 1  # weight is read from the record, not reported

    for _ in range(2):
        reported = browser.post(f"{url}/{walk_id}/progress", {"recorded_on": today.isoformat(), "value": "1"})
        assert reported.status_code == 302
    assert _goals(uow, client_id)[0][1:] == ("met", 2.0)
    assert browser.post(f"{url}/{weight_id}/close", {}).status_code == 302
    assert _goals(uow, client_id)[1][1] == "cancelled"
    shown = browser.get(url).text
    assert "met on" in shown and "cancelled" in shown and "Close the goal" not in shown


def test_bad_goals_and_progress_are_refused_next_to_their_fields(web, http, lien, maria, uow, today):
    client_id = _client(http, lien, maria)
    browser = web(lien)  # Dutch
    url = f"/app/dietitian/clients/{client_id}/goals"
    refused = browser.post(url, {"description": "Drink more", "domain": "nutrition", "metric": "fluid_ml_per_day",
                                 "target": "1500", "starts_on": today.isoformat(),
                                 "ends_on": (today - timedelta(days=1)).isoformat()})
    assert refused.status_code == 422 and 'id="f-ends_on-error-1"' in refused.text
    wrong_metric = browser.post(url, {"description": "Walk", "domain": "activity", "metric": "weight_kg",
                                      "target": "x", "starts_on": today.isoformat(),
                                      "ends_on": today.isoformat()})
    assert wrong_metric.status_code == 422 and 'id="f-target-error-1"' in wrong_metric.text
    assert _goals(uow, client_id) == []  # nothing half-written
    goal = setup(http.post(f"/api/v1/clients/{client_id}/goals", headers=lien.headers, json={
        "description": "Visit the day centre", "domain": "social_contact", "metric": "sessions", "target": 3,
        "starts_on": today.isoformat(), "ends_on": (today + timedelta(days=6)).isoformat()}))
    late = browser.post(f"{url}/{goal['id']}/progress", {"recorded_on": (today - timedelta(days=3)).isoformat()})
    assert late.status_code == 422 and f'id="f-recorded_on-{goal["id"]}-error-1"' in late.text
    assert _goals(uow, client_id)[0][2] is None


def test_another_organisations_dietitian_gets_404(web, world, http, lien, maria, today):
    client_id = _client(http, lien, maria)
    goal = setup(http.post(f"/api/v1/clients/{client_id}/goals", headers=lien.headers, json={
        "description": "Walk", "domain": "activity", "metric": "sessions", "target": 3,
        "starts_on": today.isoformat(), "ends_on": (today + timedelta(days=6)).isoformat()}))
    other = web(world.person("otto", "dietitian", "Provider B"))
    url = f"/app/dietitian/clients/{client_id}/goals"
    assert other.get(url).status_code == 404
    assert other.post(f"{url}/{goal['id']}/close", {}).status_code == 404
    assert web(world.person("lore", "logistics")).get(url).status_code == 403
