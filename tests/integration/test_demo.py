"""`python -m tools.demo` loads the Roeselare pilot once, however often it runs."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.setup_calls import setup
from tools.demo.cli import demo
from tools.demo.population import build_population, password_for

ROOT = Path(__file__).parents[2]
JSON_FIGURES = ("home_units_delivered", "home_units_eaten", "home_units_expired", "home_units_wasted",
                "stock_out_days", "appliances_over_capacity")


def run_demo(app, *options):
    return app.test_cli_runner().invoke(demo, ["--no-serve", *options], obj=_script_info(app))


def _script_info(app):
    from flask.cli import ScriptInfo

    return ScriptInfo(create_app=lambda: app)


# Early in a month the demo invoices the month before and then confirms deliveries of its last
# days (issue 14: the second run accrued their royalties into the invoiced month).
@pytest.mark.business_day("2026-12-07")
def test_the_demo_loads_the_pilot_and_a_second_run_changes_nothing(app, http, business_day):
    first = run_demo(app)
    assert first.exit_code == 0, first.output
    assert "120 clients" in first.output and "dietist.lien" in first.output
    assert "screenings" in first.output
    second = run_demo(app, "--json")
    assert second.exit_code == 0 and "nothing new" in second.output
    figures = json.loads(second.output.strip().splitlines()[-1])  # --json: the last line, nothing simulated
    assert figures["days"] == 0 and {key: figures[key] for key in JSON_FIGURES} == dict.fromkeys(JSON_FIGURES, 0)

    token = setup(http.post("/api/v1/auth/token", json={
        "username": "dietist.lien", "password": password_for("dietitian")}))["access_token"]
    listed = http.get("/api/v1/clients?page_size=100", headers={"Authorization": f"Bearer {token}"})
    assert '"total": 120' in listed.headers["X-Pagination"]
    settings = {c["care_setting"] for c in listed.json}
    assert settings == {"home", "nursing_home", "hospital"}
    headers = {"Authorization": f"Bearer {token}"}
    history = http.get(f"/api/v1/clients/{listed.json[0]['id']}/screenings", headers=headers).json
    assert history and history[-1]["derived"]  # the baseline derived BMI from stored weights
    due = http.get("/api/v1/screenings/due?before=2100-01-01&page_size=100", headers=headers)
    not_ended = sum(p.status != "ended" for p in build_population(reference_date=business_day).clients)
    assert f'"total": {not_ended}' in due.headers["X-Pagination"]  # everyone is due by 2100

    carer = setup(http.post("/api/v1/auth/token", json={
        "username": "mantelzorger.an", "password": password_for("caregiver")}))["access_token"]
    mine = http.get("/api/v1/clients", headers={"Authorization": f"Bearer {carer}"}).json
    assert len(mine) == 3 and all(c["care_setting"] == "home" for c in mine)
    weights = http.get(f"/api/v1/clients/{mine[0]['id']}/measurements?type=weight_kg",
                       headers={"Authorization": f"Bearer {carer}"}).json
    assert len(weights) >= 6

    # Issue 19: nobody answered the door twice for one client with a caregiver; the caregiver is told.
    told = {}
    for username in {p.caregiver_username for c in build_population(reference_date=business_day).clients
                     for p in c.mandates}:
        caregiver = setup(http.post("/api/v1/auth/token", json={
            "username": username, "password": password_for("caregiver")}))["access_token"]
        told[username] = [a["rule"] for a in setup(http.get("/api/v1/care-team/alerts", headers={
            "Authorization": f"Bearer {caregiver}"}))]
    assert {name: rules for name, rules in told.items() if rules} == {"mantelzorger.an": ["deliveries_missed"]}

    # Issue 19: the referrers sign in and follow their own referrals; the inbox holds all three.
    statuses = {}
    for username in ("huisarts.mandel", "ontslag.azdelta"):
        referrer = setup(http.post("/api/v1/auth/token", json={
            "username": username, "password": "referrer-demo-only-2026"}))["access_token"]
        sent = setup(http.get("/api/v1/referrals", headers={"Authorization": f"Bearer {referrer}"}))
        statuses[username] = sorted(r["status"] for r in sent)
    assert statuses == {"huisarts.mandel": ["declined", "received"], "ontslag.azdelta": ["triaged"]}
    assert len(setup(http.get("/api/v1/referrals", headers=headers))) == 3

    # Issue 21: a quarter of staff survey answers, and a target, so the cofinancer sees staff wellbeing
    funder = {"Authorization": "Bearer " + setup(http.post("/api/v1/auth/token", json={
        "username": "cofinancier.els", "password": password_for("cofinancer")}))["access_token"]}
    [agreement] = setup(http.get("/api/v1/agreements", headers=funder))
    found = setup(http.get(f"/api/v1/reports/indicators?agreement_id={agreement['id']}", headers=funder))
    [wellbeing] = [r for r in found["rows"] if r["indicator"] == "staff_wellbeing" and r["period"] == found["period"]
                   and not r["disaggregation"]]
    assert wellbeing["value"] is not None and not wellbeing["suppressed"] and 1 <= wellbeing["value"] <= 5
    assert wellbeing["denominator"] == 15  # five dietitians, five drivers, five kitchen staff answered
    assert next(i for i in agreement["indicators"] if i["code"] == "staff_wellbeing")["target"] is not None
    groups = setup(http.get(f"/api/v1/agreements/{agreement['id']}/staff-wellbeing?period={found['period']}",
                            headers=funder))["rows"]
    assert [(g["staff_group"], g["respondents"], g["suppressed"]) for g in groups] == [
        (None, 15, False), ("dietitian", 5, False), ("driver", 5, False), ("kitchen", 5, False)]


def test_the_demo_runs_from_the_repository_root_not_from_the_installed_cli(app, tmp_path):
    done = subprocess.run([sys.executable, "-m", "tools.demo", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Usage: python -m tools.demo [OPTIONS]" in done.stdout
    for option in ("--no-serve", "--port", "--simulate-days", "--seed", "--host", "--json"):
        assert option in done.stdout
    # ``nutriplat demo`` hands its options to the tool in a checkout, and says where it is elsewhere.
    installed = Path(sys.executable).parent / "nutriplat"
    delegated = subprocess.run([str(installed), "demo", "--help"], cwd=ROOT, capture_output=True,
                               text=True, timeout=120)
    assert delegated.returncode == 0 and "Usage: python -m tools.demo [OPTIONS]" in delegated.stdout
    elsewhere = subprocess.run([str(installed), "demo", "--no-serve"], cwd=tmp_path, capture_output=True,
                               text=True, timeout=120)
    assert elsewhere.returncode != 0 and "run it from the root of a checkout" in elsewhere.stderr
