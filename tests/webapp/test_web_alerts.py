"""The dietitian's alerts page: filtered by client and rule, an alert acknowledged and
then resolved with a note through the monitoring service (audited); a note too long is
refused next to its field on the alert's row; another organisation's dietitian gets 404."""
from __future__ import annotations

from nutriplat.auth.models import AuditEntry
from nutriplat.monitoring.models import Alert
from tests.api.test_monitoring_alerts import weigh
from tests.setup_calls import setup


def _weight_loss(http, lien, client_id: int) -> None:
    weigh(http, lien, client_id, 70.0, 20)
    weigh(http, lien, client_id, 65.5, 0)  # 6.4 % within a month: a weight-loss alert


def _alert(uow, client_id: int) -> Alert:
    with uow:
        return uow.session.query(Alert).filter_by(client_id=client_id).one()


def test_the_dietitian_filters_acknowledges_and_resolves_an_alert_with_a_note(web, http, lien, maria, uow):
    maria_id = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]
    jan_id = setup(http.post("/api/v1/clients", headers=lien.headers, json=maria | {
        "status": "active", "given_name": "Jan", "family_name": "Peeters", "birth_date": "1940-02-02"}))["id"]
    _weight_loss(http, lien, maria_id)
    _weight_loss(http, lien, jan_id)
    browser = web(lien, lang="en-GB")
    everyone = browser.get("/app/dietitian/alerts/")
    assert everyone.status_code == 200
    assert "2 alerts" in everyone.text and "Maria Vandenberghe" in everyone.text and "Jan Peeters" in everyone.text
    only_maria = browser.get(f"/app/dietitian/alerts/?client_id={maria_id}&rule=weight_loss")
    assert "1 alert" in only_maria.text and "Jan Peeters</a></h3>" not in only_maria.text
    assert f'<option value="{jan_id}">Jan Peeters</option>' in only_maria.text  # still offered as a filter
    assert "No alerts match" in browser.get("/app/dietitian/alerts/?rule=no_intake_recorded").text
    quiet_id = setup(http.post("/api/v1/clients", headers=lien.headers, json=maria | {
        "status": "active", "given_name": "Rita", "family_name": "Claeys", "birth_date": "1938-05-05"}))["id"]
    quiet = browser.get(f"/app/dietitian/alerts/?client_id={quiet_id}").text  # from her page: no alerts
    assert f'<option value="{quiet_id}" selected>Rita Claeys</option>' in quiet and "No alerts match" in quiet

    alert = _alert(uow, maria_id)
    kept = {"filter.client_id": str(maria_id)}
    acknowledged = browser.post(f"/app/dietitian/alerts/{alert.id}/acknowledge", kept)
    assert acknowledged.status_code == 302 and f"client_id={maria_id}" in acknowledged.location
    assert _alert(uow, maria_id).status == "acknowledged"
    resolved = browser.post(f"/app/dietitian/alerts/{alert.id}/resolve",
                            {"note": "Called Maria: new dentures, eating again."})
    assert resolved.status_code == 302
    done = _alert(uow, maria_id)
    assert (done.status, done.resolved_by) == ("resolved", lien.id)
    assert done.note == "Called Maria: new dentures, eating again."
    with uow:
        audited = uow.session.query(AuditEntry).filter_by(resource="alert", resource_id=str(alert.id))
        assert {e.action for e in audited} >= {"acknowledge", "resolve"}
    page = browser.get(f"/app/dietitian/alerts/?client_id={maria_id}&status=resolved").text
    assert "Called Maria: new dentures, eating again." in page and "resolved" in page


def test_a_note_too_long_is_refused_next_to_it_and_a_resolved_alert_cannot_be_resolved_again(
        web, http, lien, maria, uow):
    client_id = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]
    _weight_loss(http, lien, client_id)
    alert = _alert(uow, client_id)
    browser = web(lien)  # Dutch
    refused = browser.post(f"/app/dietitian/alerts/{alert.id}/resolve", {"note": "x" * 501})
    assert refused.status_code == 422
    assert f'id="f-note-{alert.id}-error-1"' in refused.text and 'aria-invalid="true"' in refused.text
    assert _alert(uow, client_id).status == "open"  # nothing written
    assert browser.post(f"/app/dietitian/alerts/{alert.id}/resolve", {}).status_code == 302
    again = browser.post(f"/app/dietitian/alerts/{alert.id}/acknowledge", {})
    assert again.status_code == 409 and "error-summary" in again.text
    bad_filter = browser.get("/app/dietitian/alerts/?rule=nonsense")
    assert bad_filter.status_code == 422 and 'id="f-rule-error-1"' in bad_filter.text


def test_another_organisations_dietitian_gets_404_and_other_roles_403(web, world, http, lien, maria, uow):
    client_id = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]
    _weight_loss(http, lien, client_id)
    alert = _alert(uow, client_id)
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert "Maria" not in other.get("/app/dietitian/alerts/").text
    assert other.post(f"/app/dietitian/alerts/{alert.id}/resolve", {"note": "no"}).status_code == 404
    assert _alert(uow, client_id).status == "open"
    assert web(world.person("lore", "logistics")).get("/app/dietitian/alerts/").status_code == 403
