"""The client's profile in the web app: the person, address and contact through the client
update with the version read; an emptied field is cleared, a change made meanwhile by
someone else is refused, bad input is shown next to its field."""
from __future__ import annotations

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import Client


def _client(uow, client_id: int) -> Client:
    with uow:
        return uow.session.get(Client, client_id)


def _form(browser, url: str) -> dict[str, str]:
    """The profile as the page fills it in (what a browser would post back)."""
    import re

    html = browser.get(url).text
    values = dict(re.findall(
        r'<input id="f-[^"]+" name="([^"]+)" type="(?:text|date|tel|email)" value="([^"]*)"', html))
    values["expected_version"] = re.search(r'name="expected_version" value="(\d+)"', html).group(1)
    values["sex"] = re.search(r'<option value="([a-z]+)" selected', html).group(1)
    return values


def test_the_profile_is_changed_and_an_emptied_field_cleared(web, lien, measured_client, uow):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/profile"
    form = _form(browser, url)
    assert form["family_name"] == "Vandenberghe" and form["address.postal_code"] == "8800"
    form |= {"phone": "051 22 33 44", "address.street": "Noordstraat 5", "address.city": "", "conditions": "parkinson",
             "reason": "Verhuisd"}
    assert browser.post(url, form).status_code == 302
    client = _client(uow, measured_client)
    assert (client.phone, client.street, client.city, client.postal_code, client.conditions) == \
        ("051 22 33 44", "Noordstraat 5", None, "8800", ["parkinson"])
    shown = browser.get(f"/app/dietitian/clients/{measured_client}").text
    assert "051 22 33 44" in shown and "ziekte van Parkinson" in shown
    cleared = _form(browser, url) | {"phone": ""}
    assert browser.post(url, cleared).status_code == 302
    assert _client(uow, measured_client).phone is None
    with uow:
        updates = uow.session.query(AuditEntry).filter_by(resource="client", action="update").order_by(AuditEntry.id)
        reasons = [e.detail.get("reason") for e in updates]
    assert reasons == ["Verhuisd", None]


def test_a_stale_version_and_bad_input_are_refused_next_to_the_fields(web, lien, measured_client, uow):
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/clients/{measured_client}/profile"
    form = _form(browser, url)
    bad = browser.post(url, form | {"email": "not an address", "birth_date": "2099-01-01", "given_name": ""})
    assert bad.status_code == 422
    for name in ("email", "birth_date", "given_name"):
        assert f'id="f-{name}-error-1"' in bad.text, name
    assert browser.post(url, form | {"phone": "051 00 00 00"}).status_code == 302
    stale = browser.post(url, form | {"phone": "051 11 11 11"})  # the version read before the change
    assert stale.status_code == 409 and "reload and retry" in stale.text
    assert _client(uow, measured_client).phone == "051 00 00 00"


def test_the_profile_is_refused_to_other_roles_and_organisations(world, web, measured_client):
    url = f"/app/dietitian/clients/{measured_client}/profile"
    assert web(world.person("lore", "logistics", "Provider A")).get(url).status_code == 403
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert other.get(url).status_code == 404
    assert other.post(url, {"phone": "051 11 11 11"}).status_code == 404
