"""The dietitian's pages: each renders for a dietitian in Dutch and English, is
refused to the other roles and to another organisation, and shows form errors next
to the field."""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import BRUSSELS, business_today
from nutriplat.mealplans.models import MealPlan
from tests.setup_calls import setup


def pages(client_id: int, plan_id: int) -> list[str]:
    return [
        "/app/dietitian/", "/app/dietitian/clients", "/app/dietitian/clients?search=maria",
        f"/app/dietitian/clients/{client_id}", f"/app/dietitian/clients/{client_id}/screening",
        *(f"/app/dietitian/clients/{client_id}/screening/{code}"
          for code in ("must", "mna_sf", "nrs_2002", "snaq", "snaq65", "eat_10")),
        f"/app/dietitian/clients/{client_id}/glim", f"/app/dietitian/clients/{client_id}/targets",
        f"/app/dietitian/plans/{plan_id}",
    ]


@pytest.mark.parametrize("lang, words", [("nl-BE", ("Mijn dag", "Cliënten")),
                                         ("en-GB", ("My day", "Clients"))])
def test_every_dietitian_page_renders_in_dutch_and_english(web, lien, measured_client, draft_plan,
                                                          lang, words):
    browser = web(lien, lang=lang)
    for url in pages(measured_client, draft_plan["id"]):
        response = browser.get(url)
        assert response.status_code == 200, (url, response.text[:2000])
        assert all(word in response.text for word in words), url
        assert f'lang="{lang[:2]}"' in response.text


@pytest.mark.parametrize("role", ["logistics", "cofinancer", "admin", "caregiver"])
def test_other_roles_are_refused_every_dietitian_page(world, web, measured_client, draft_plan, role):
    organisation = {"caregiver": None, "cofinancer": "Insurer C"}.get(role, "Provider A")
    browser = web(world.person(f"other_{role}", role, organisation))
    for url in pages(measured_client, draft_plan["id"]):
        response = browser.get(url)
        assert response.status_code == 403, (url, response.status_code)
        assert "Maria" not in response.text and "Vandenberghe" not in response.text


def test_a_dietitian_of_another_organisation_gets_404(world, web, measured_client, draft_plan):
    browser = web(world.person("otto", "dietitian", "Provider B"))
    for url in pages(measured_client, draft_plan["id"])[3:]:
        response = browser.get(url)
        assert response.status_code == 404, url
        assert "Vandenberghe" not in response.text
    assert "Vandenberghe" not in browser.get("/app/dietitian/clients").text
    assert "Vandenberghe" not in browser.get("/app/dietitian/").text


def test_the_day_lists_screenings_due_and_plans_to_approve(web, lien, measured_client, draft_plan, uow):
    page = web(lien).get("/app/dietitian/").text
    assert "Maria Vandenberghe" in page
    assert "nooit gescreend" in page  # due: never screened
    assert f"/app/dietitian/plans/{draft_plan['id']}" in page
    with uow:
        reads = uow.session.query(AuditEntry).filter_by(resource="meal_plan", action="list").count()
    assert reads >= 1  # the drafts list is audited as a read of each person


def test_the_client_page_shows_the_weight_trend_with_screenings(web, lien, measured_client):
    browser = web(lien)
    browser.post(f"/app/dietitian/clients/{measured_client}/screening/must",
                 {"answers.acute_disease_no_intake_5_days": "false"})
    page = browser.get(f"/app/dietitian/clients/{measured_client}").text
    assert "<svg" in page and "<polyline" in page
    assert page.count("<circle") == 2  # two weights
    assert 'class="marker"' in page and "MUST" in page  # the screening marked on the chart
    assert "1.850 kcal" in page or "kcal" in page  # the targets in force


def test_the_client_page_names_each_caregiver_and_what_they_may_do(web, world, http, lien, measured_client):
    carl = world.person("carl", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": carl.id, "scopes": ["view", "record"], "relationship_to_client": "zoon"}))
    page = web(lien).get(f"/app/dietitian/clients/{measured_client}").text
    assert "carl (zoon): view, record" in page


def test_a_screening_is_scored_by_the_server_and_saved(web, lien, measured_client, uow):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/screening/must"
    preview = browser.post(url + "/preview", {"answers.acute_disease_no_intake_5_days": "false"})
    assert preview.status_code == 200
    # 61.6 kg at 162 cm: BMI 23.5 → 0; 12.0 % loss → 2; no acute disease → 0
    assert "Totaal 2" in preview.text and "hoog risico" in preview.text
    assert "23,5" in preview.text and "12,0" in preview.text  # derived, explained
    incomplete = browser.post(url + "/preview", {})
    assert "Nog niet volledig" in incomplete.text
    saved = browser.post(url, {"answers.acute_disease_no_intake_5_days": "false"})
    assert saved.status_code == 302
    from nutriplat.screening.models import Screening
    with uow:
        stored = uow.session.query(Screening).one()
        assert (stored.instrument, stored.total_score, stored.risk) == ("must", 2, "high")


def test_screening_errors_are_shown_next_to_the_field(web, lien, measured_client, uow):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/screening/must"
    response = browser.post(url, {"answers.bmi": "abc", "answers.acute_disease_no_intake_5_days": "false"})
    assert response.status_code == 422
    field = re.search(r'<p class="field-error" id="f-answers-bmi-error-1">([^<]+)</p>\s*'
                      r'<input id="f-answers-bmi" name="answers.bmi" type="text" value="abc" '
                      r'aria-describedby="f-answers-bmi-error-1" aria-invalid="true"', response.text)
    assert field and "getal" in field.group(1)  # the domain's reason, in Dutch
    from nutriplat.screening.models import Screening
    with uow:
        assert uow.session.query(Screening).count() == 0


def test_glim_is_diagnosed_through_the_service(web, lien, measured_client):
    browser = web(lien)
    response = browser.post(f"/app/dietitian/clients/{measured_client}/glim", {
        "answers.reduced_muscle_mass": "none", "answers.reduced_intake": "true",
        "answers.inflammation": "false"})
    assert response.status_code == 302
    assert "GLIM" in browser.get(f"/app/dietitian/clients/{measured_client}").text


def test_target_override_needs_a_reason_shown_next_to_the_field(web, lien, measured_client):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/targets"
    bad = browser.post(url, {"energy_kcal.value": "1900", "energy_kcal.valid_from": "2026-11-01"})
    assert bad.status_code == 422
    assert 'id="f-energy_kcal-reason"' in bad.text
    assert re.search(r'id="f-energy_kcal-reason-error-1">[^<]+</p>\s*<textarea id="f-energy_kcal-reason"',
                     bad.text)
    nothing = browser.post(url, {})
    assert nothing.status_code == 422 and "Give at least one of" in nothing.text
    backwards = browser.post(url, {"fluid_ml.value": "1700", "fluid_ml.reason": "warm weather",
                                   "fluid_ml.valid_from": "2026-11-10", "fluid_ml.valid_until": "2026-11-01"})
    assert backwards.status_code == 422 and 'id="f-fluid_ml-valid_until-error-1"' in backwards.text
    good = browser.post(url, {"energy_kcal.value": "1.900", "energy_kcal.reason": "wound healing",
                              "energy_kcal.valid_from": "2026-11-01"})
    assert good.status_code == 302
    page = browser.get(url).text
    assert "wound healing" in page and "1.900" in page


def test_the_plan_grid_swaps_locks_reoptimises_and_approves(web, lien, draft_plan, uow):
    browser = web(lien)
    url = f"/app/dietitian/plans/{draft_plan['id']}"
    page = browser.get(url).text
    assert "IDDSI" in page and 'class="bar' in page and "plan-grid" in page
    item = draft_plan["days"][0]["items"][0]
    bad = browser.post(f"{url}/items/{item['id']}", {"variant_id": "999999"})
    assert bad.status_code == 422 and f'id="swap-{item["id"]}-error"' in bad.text
    bad_portions = browser.post(f"{url}/items/{item['id']}", {"portions": "0.3"})
    assert bad_portions.status_code == 422 and "0.25" in bad_portions.text
    assert browser.post(f"{url}/items/{item['id']}", {"locked": "true"}).status_code == 302
    assert browser.post(f"{url}/reoptimise").status_code == 302
    assert browser.post(f"{url}/approve", {"note": "x" * 501}).status_code == 422
    assert browser.post(f"{url}/approve", {"note": "ok"}).status_code == 302
    with uow:
        assert uow.session.get(MealPlan, draft_plan["id"]).status == "approved"
    again = browser.post(f"{url}/approve", {})
    assert again.status_code == 409  # only a draft is approved; shown on the page
    assert "Revise" in browser.get(url).text or "Herzien" in browser.get(url).text


def test_a_plan_is_made_for_a_week_from_the_client_page(web, lien, measured_client):
    browser = web(lien)
    bad = browser.post(f"/app/dietitian/plans/for-client/{measured_client}", {"week_start": "2026-11-25"})
    assert bad.status_code == 302  # back to the client page, with the reason
    assert "Must be a Monday" in browser.get(bad.location).text


@pytest.mark.parametrize("lang, words", [("nl-BE", ("Dossiers volgens risico", "huisbezoek", "gewichtsverlies")),
                                         ("en-GB", ("Cases by risk", "visit", "weight loss"))])
def test_the_day_shows_the_cases_ranked_by_risk(web, lien, http, measured_client, lang, words):
    for kg, days_ago in ((70.0, 20), (66.0, 0)):  # 5.7 % in 20 days: a case with weight loss
        at = datetime.combine(business_today() - timedelta(days=days_ago), time.min, tzinfo=BRUSSELS)
        response = http.post(f"/api/v1/clients/{measured_client}/measurements", headers=lien.headers,
                             json={"type": "weight_kg", "value": kg, "measured_at": at.isoformat()})
        assert response.status_code == 201, response.json
    page = web(lien, lang=lang).get("/app/dietitian/").text
    cases = page[page.index('id="h-cases"'):page.index('id="h-due"')]
    assert "Maria" in cases and all(word in cases for word in words), cases


def test_the_dietitian_snoozes_and_resolves_a_case_from_the_day(web, lien, http, measured_client, today):
    for kg, days_ago in ((70.0, 20), (66.0, 0)):
        at = datetime.combine(business_today() - timedelta(days=days_ago), time.min, tzinfo=BRUSSELS)
        http.post(f"/api/v1/clients/{measured_client}/measurements", headers=lien.headers,
                  json={"type": "weight_kg", "value": kg, "measured_at": at.isoformat()})
    [case] = http.get("/api/v1/cases", headers=lien.headers).json
    browser = web(lien)
    refused = browser.post(f"/app/dietitian/cases/{case['id']}/snooze",
                           data={"until": today.isoformat(), "reason": "x"})
    assert refused.status_code == 302 and "A case is snoozed until a later day." in browser.get(refused.location).text
    snoozed = browser.post(f"/app/dietitian/cases/{case['id']}/snooze",
                           data={"until": (today + timedelta(days=2)).isoformat(), "reason": "GP visit Thursday"})
    assert snoozed.status_code == 302 and http.get("/api/v1/cases", headers=lien.headers).json == []
    resolved = browser.post(f"/app/dietitian/cases/{case['id']}/resolve", data={"outcome": "false_alarm"})
    assert resolved.status_code == 302
    [done] = http.get("/api/v1/cases?status=resolved", headers=lien.headers).json
    assert done["outcome"] == "false_alarm" and done["resolved_by"] == lien.id
