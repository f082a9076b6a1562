"""The client page speaks the reader's language where the domain gives codes or the API's
English: why the targets cannot be computed yet, the timeline's details (a screening's
instrument and risk, a GLIM diagnosis, a weight) and the care setting's first reason;
what people typed (a correction's reason, a move's reason) is shown as typed."""
from __future__ import annotations

from datetime import timedelta

from nutriplat.clock import local_now
from tests.setup_calls import setup

SNAQ = {"weight_loss": "more_than_6kg_last_6_months", "decreased_appetite_last_month": True,
        "supplements_or_tube_feeding_last_month": False}
GLIM = {"reduced_muscle_mass": "mild_moderate", "reduced_intake": True, "inflammation": False}


def _unmeasured(http, lien, maria) -> int:
    return setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))["id"]


def _results_of_today(http, lien, client_id: int) -> None:
    setup(http.post(f"/api/v1/clients/{client_id}/screenings", headers=lien.headers,
                    json={"instrument": "snaq", "answers": SNAQ}))
    setup(http.post(f"/api/v1/clients/{client_id}/assessments", headers=lien.headers,
                    json={"method": "glim", "answers": GLIM}))
    setup(http.post(f"/api/v1/clients/{client_id}/measurements", headers=lien.headers, json={
        "type": "weight_kg", "value": 60.5, "measured_at": (local_now() - timedelta(minutes=5)).isoformat()}))


def test_the_missing_measurements_and_the_first_setting_in_dutch(web, http, lien, maria):
    page = web(lien).get(f"/app/dietitian/clients/{_unmeasured(http, lien, maria)}").text
    assert "Geen gewicht gemeten op of vóór" in page and "Geen lengte gemeten op of vóór" in page
    assert "de doelen hebben die nodig." in page
    assert "weight_kg" not in page and "targets need it" not in page
    assert "<td>zorgsetting bij de start</td>" in page and "initial setting" not in page


def test_the_missing_measurements_and_the_first_setting_in_english(web, http, lien, maria):
    page = web(lien, lang="en-GB").get(f"/app/dietitian/clients/{_unmeasured(http, lien, maria)}").text
    assert "No weight measured on or before" in page and "No height measured on or before" in page
    assert "weight_kg" not in page and "<td>initial setting</td>" in page


def test_the_timeline_details_in_dutch(web, http, lien, measured_client):
    _results_of_today(http, lien, measured_client)
    page = web(lien).get(f"/app/dietitian/clients/{measured_client}").text
    assert "<td>SNAQ: ernstig ondervoed, score 4</td>" in page
    assert "<td>GLIM: ondervoed, stadium 2</td>" in page
    assert "<td>60,5 kg</td>" in page
    assert "snaq: severely_malnourished" not in page and ">severely_malnourished<" not in page


def test_the_timeline_details_in_english(web, http, lien, measured_client):
    _results_of_today(http, lien, measured_client)
    page = web(lien, lang="en-GB").get(f"/app/dietitian/clients/{measured_client}").text
    assert "<td>SNAQ: severely malnourished, score 4</td>" in page
    assert "<td>GLIM: malnourished, stage 2</td>" in page and "<td>60.5 kg</td>" in page



def test_a_reason_someone_typed_is_shown_as_typed():
    from nutriplat.webapp.dietitian.client_texts import system_reason

    assert system_reason("Opname na een val") == "Opname na een val" and system_reason(None) == ""


def test_information_given_shows_whether_it_was_read_in_the_readers_language(web, http, world, lien,
                                                                            measured_client):
    admin = world.person("ada", "admin")
    item = setup(http.post("/api/v1/content-items", headers=admin.headers, json={
        "key": "iddsi-level-4", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
        "title": "IDDSI niveau 4: gepureerd", "body": "Glad, zonder klontjes.", "author": "Lien",
        "reviewed_on": "2026-11-02"}))
    dutch = web(lien)
    given = dutch.post(f"/app/dietitian/clients/{measured_client}/information", {"content_item_id": str(item["id"])})
    assert given.status_code == 302
    assert "<td>IDDSI niveau 4: gepureerd (nog niet gelezen)</td>" in \
        dutch.get(f"/app/dietitian/clients/{measured_client}").text
    english = web(lien, lang="en-GB").get(f"/app/dietitian/clients/{measured_client}").text
    assert "<td>IDDSI niveau 4: gepureerd (not read yet)</td>" in english


def test_a_delivery_on_the_timeline_in_either_language(app):
    from datetime import datetime

    from flask import session

    from nutriplat.clock import BRUSSELS
    from nutriplat.timeline.sources import Entry
    from nutriplat.webapp.dietitian.client_texts import timeline_details

    entry = Entry("delivery", datetime(2026, 11, 25, 11, tzinfo=BRUSSELS), "not_home (2026-11-25)",
                  {"order_id": 1, "status": "not_home", "ward_id": None, "delivery_date": "2026-11-25"})
    for locale, text in (("nl-BE", "niet thuis (25 nov 2026)"), ("en-GB", "not home (25 Nov 2026)")):
        with app.test_request_context("/app/"):
            session["locale"] = locale
            assert str(timeline_details(entry)) == text


def test_an_alert_a_coaching_session_and_a_plan_change_on_the_timeline_in_either_language(app):
    from datetime import datetime

    from flask import session

    from nutriplat.clock import BRUSSELS
    from nutriplat.timeline.sources import Entry
    from nutriplat.webapp.dietitian.client_texts import timeline_details

    at = datetime(2026, 11, 25, 11, tzinfo=BRUSSELS)
    alert = Entry("alert", at, "weight_loss (high): lost 3.1 kg in 30 days",
                  {"alert_id": 1, "rule": "weight_loss", "severity": "high", "status": "open"})
    coaching = Entry("coaching_session", at, "held: phone — Eet beter 's ochtends",
                     {"session_id": 1, "status": "held", "mode": "phone", "assessment": "Eet beter 's ochtends",
                      "actions": 1})
    change = Entry("plan_change", at, "week of 2026-11-30: item_removed",
                   {"plan_id": 1, "action": "item_removed", "week_start": "2026-11-30"})
    expected = {"nl-BE": ("gewichtsverlies (hoog), open", "gehouden: telefoon — Eet beter 's ochtends",
                          "week van 30 nov 2026: gerecht verwijderd"),
                "en-GB": ("weight loss (high), open", "held: phone — Eet beter 's ochtends",
                          "week of 30 Nov 2026: item removed")}
    for locale, texts in expected.items():
        with app.test_request_context("/app/"):
            session["locale"] = locale
            assert tuple(str(timeline_details(e)) for e in (alert, coaching, change)) == texts
