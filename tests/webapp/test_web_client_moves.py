"""A client's care setting and status in the web app: a move to a nursing home's ward and
room, and a change of status, each through the transfer services with its date and
reason; a refused move is shown next to its fields and changes nothing."""
from __future__ import annotations

from nutriplat.clients.models import Client


def _client(uow, client_id: int) -> Client:
    with uow:
        client = uow.session.get(Client, client_id)
        client.setting_history, client.status_history  # noqa: B018
        return client


def test_a_move_to_a_nursing_home_ward_and_room_is_recorded(web, lien, measured_client, facilities, uow, today):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/setting"
    page = browser.get(url)
    assert page.status_code == 200 and "Lelie (woonzorgcentrum)" in page.text
    moved = browser.post(f"{url}/transfer", {
        "transferred_on": today.isoformat(), "to_setting": "nursing_home",
        "ward_id": str(facilities["vlasbloem"]["ward"]),
        "room": "102", "reason": "Opname na een val"})
    assert moved.status_code == 302
    client = _client(uow, measured_client)
    ward = facilities["vlasbloem"]["ward"]
    assert (client.care_setting, client.ward_id, client.room) == ("nursing_home", ward, "102")
    assert client.setting_history[-1].reason == "Opname na een val"
    assert "Opname na een val" in browser.get(url).text


def test_a_refused_move_is_shown_next_to_its_fields(web, lien, measured_client, facilities, uow, tomorrow):
    browser = web(lien, lang="en-GB")
    response = browser.post(f"/app/dietitian/clients/{measured_client}/setting/transfer", {
        "transferred_on": tomorrow.isoformat(), "to_setting": "hospital",
        "ward_id": str(facilities["vlasbloem"]["ward"]), "reason": ""})
    assert response.status_code == 422
    for name in ("transferred_on", "reason"):
        assert f'id="f-{name}-error-1"' in response.text, name
    wrong_ward = browser.post(f"/app/dietitian/clients/{measured_client}/setting/transfer", {
        "transferred_on": "2026-12-01", "to_setting": "hospital",
        "ward_id": str(facilities["vlasbloem"]["ward"]), "room": "999", "reason": "Opname"})
    assert wrong_ward.status_code == 422
    assert 'id="f-ward_id-error-1"' in wrong_ward.text and 'id="f-room-error-1"' in wrong_ward.text
    assert _client(uow, measured_client).care_setting == "home"


def test_a_status_change_follows_the_allowed_steps(web, lien, measured_client, uow, today):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/setting"
    assert 'value="paused"' in browser.get(url).text and 'value="referred"' not in browser.get(url).text
    refused = browser.post(f"{url}/status", {"changed_on": today.isoformat(), "to_status": "referred",
                                             "reason": "Terug"})
    assert refused.status_code == 409 and 'id="f-to_status-error-1"' in refused.text
    paused = browser.post(f"{url}/status", {"changed_on": today.isoformat(), "to_status": "paused",
                                            "reason": "Ziekenhuisopname"})
    assert paused.status_code == 302
    client = _client(uow, measured_client)
    assert (client.status, client.status_history[-1].reason) == ("paused", "Ziekenhuisopname")


def test_the_pages_are_refused_to_other_roles_and_organisations(world, web, measured_client, today):
    url = f"/app/dietitian/clients/{measured_client}/setting"
    assert web(world.person("lore", "logistics", "Provider A")).get(url).status_code == 403
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert other.get(url).status_code == 404
    assert other.post(f"{url}/status", {"changed_on": today.isoformat(), "to_status": "paused",
                                        "reason": "x"}).status_code == 404
    assert other.post(f"{url}/transfer", {"transferred_on": today.isoformat(), "to_setting": "hospital",
                                          "reason": "x"}).status_code == 404
