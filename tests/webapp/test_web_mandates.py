"""Mandates and consents in the web app: the dietitian records a caregiver's mandate (the
caregiver accounts of her organisation are offered) and a consent, and withdraws each (kept
in the history, audited); a mandate without scopes and a consent given twice are refused
next to their fields; another organisation's dietitian gets 404."""
from __future__ import annotations

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import CaregiverMandate, Consent
from tests.setup_calls import setup


def _client(http, lien, maria) -> int:
    return setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]


def test_the_dietitian_grants_and_withdraws_a_mandate_and_a_consent(web, world, http, lien, maria, uow):
    client_id = _client(http, lien, maria)
    anna = world.person("anna", "caregiver")  # made by Provider A's admin
    world.person("bert", "caregiver", "Provider B")  # another provider's: never offered
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/clients/{client_id}/mandates"
    assert url in browser.get(f"/app/dietitian/clients/{client_id}").text
    page = browser.get(url).text
    assert f'<option value="{anna.id}">anna</option>' in page and "bert" not in page
    given = browser.post(url, {"caregiver_id": str(anna.id), "scopes": ["view", "record"],
                               "relationship_to_client": "daughter"})
    assert given.status_code == 302
    consent = browser.post(f"/app/dietitian/clients/{client_id}/consents", {"purpose": "research"})
    assert consent.status_code == 302
    listed = browser.get(url).text
    assert "daughter" in listed and "view the record, record weights and meals" in listed and "research" in listed
    assert f'<option value="{anna.id}">' not in listed  # mandated already
    assert setup(http.get(f"/api/v1/clients/{client_id}", headers=anna.headers))["id"] == client_id

    with uow:
        mandate = uow.session.query(CaregiverMandate).one()
        given_consent = uow.session.query(Consent).one()
    assert browser.post(f"{url}/{mandate.id}/withdraw", {}).status_code == 302
    assert browser.post(f"/app/dietitian/clients/{client_id}/consents/{given_consent.id}/withdraw",
                        {}).status_code == 302
    assert http.get(f"/api/v1/clients/{client_id}", headers=anna.headers).status_code == 404
    with uow:
        assert uow.session.query(CaregiverMandate).one().withdrawn_at is not None  # kept, not deleted
        assert uow.session.query(Consent).one().withdrawn_at is not None
        actions = {(e.resource, e.action) for e in uow.session.query(AuditEntry).filter_by(client_id=client_id)}
    assert {("caregiver_mandate", "create"), ("caregiver_mandate", "withdraw"),
            ("consent", "create"), ("consent", "withdraw")} <= actions
    history = browser.get(url).text
    assert history.count("Withdraw<span") == 0 and f'<option value="{anna.id}">anna</option>' in history


def test_a_mandate_without_scopes_and_a_consent_given_twice_are_refused_next_to_the_field(
        web, world, http, lien, maria, uow):
    client_id = _client(http, lien, maria)
    anna = world.person("anna", "caregiver")
    browser = web(lien)  # Dutch
    url = f"/app/dietitian/clients/{client_id}/mandates"
    refused = browser.post(url, {"caregiver_id": str(anna.id)})
    assert refused.status_code == 422 and 'id="f-scopes-error-1"' in refused.text
    nobody = browser.post(url, {"scopes": "view"})
    assert nobody.status_code == 422 and 'id="f-caregiver_id-error-1"' in nobody.text
    with uow:
        assert uow.session.query(CaregiverMandate).count() == 0
    assert browser.post(f"/app/dietitian/clients/{client_id}/consents", {"purpose": "care"}).status_code == 302
    twice = browser.post(f"/app/dietitian/clients/{client_id}/consents", {"purpose": "care"})
    assert twice.status_code == 409 and 'id="f-purpose-error-1"' in twice.text
    with uow:
        assert uow.session.query(Consent).count() == 1


def test_another_organisations_dietitian_gets_404(web, world, http, lien, maria, uow):
    client_id = _client(http, lien, maria)
    setup(http.post(f"/api/v1/clients/{client_id}/consents", headers=lien.headers, json={"purpose": "care"}))
    with uow:
        consent_id = uow.session.query(Consent).one().id
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert other.get(f"/app/dietitian/clients/{client_id}/mandates").status_code == 404
    assert other.post(f"/app/dietitian/clients/{client_id}/consents/{consent_id}/withdraw", {}).status_code == 404
    with uow:
        assert uow.session.query(Consent).one().withdrawn_at is None
