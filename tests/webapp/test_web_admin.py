"""The admin pages for users, organisations and job runs: per admin kind (a provider's
admin, the platform admin), both languages, other roles refused, errors next to fields."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nutriplat.jobs.models import JobRun

NEW_USER = {"username": "dina", "display_name": "Dina Diëtist", "password": "long enough pw",
            "role": "dietitian", "organisation": "Provider A"}


@pytest.fixture
def ada(world):
    """The admin of Provider A."""
    return world.person("ada", "admin")


@pytest.mark.parametrize("lang, heading", [(None, "Gebruikers"), ("en-GB", "Users")])
def test_an_admin_lands_on_the_users_of_their_organisation(web, world, ada, lang, heading):
    world.person("dora", "dietitian")
    world.person("bert", "dietitian", organisation="Provider B")
    browser = web(ada, lang=lang)
    home = browser.get("/app/")
    assert home.headers["Location"].endswith("/app/admin/users/")
    page = browser.get("/app/admin/users/")
    assert page.status_code == 200 and f"<h1>{heading}</h1>" in page.text
    assert "dora" in page.text and "bert" not in page.text


def test_an_admin_creates_a_user_and_bad_input_is_shown_next_to_each_field(web, world, ada):
    browser = web(ada, lang="en-GB")
    bad = browser.post("/app/admin/users/", {"username": "x y", "password": "short", "role": "chef"})
    assert bad.status_code == 422
    assert bad.text.count('aria-invalid="true"') >= 3
    for field in ("username", "password", "role"):
        assert f'id="f-{field}" name="{field}"' in bad.text or f'id="f-{field}"' in bad.text
    assert ("Must be one of: admin, dietitian, logistics, cofinancer, caregiver, referrer, fund, client, "
            "ward_staff.") in bad.text
    world.organisation("Provider B")
    elsewhere = browser.post("/app/admin/users/", NEW_USER | {"organisation": "Provider B"})
    assert elsewhere.status_code == 403  # an organisation's admin stays in it
    made = browser.post("/app/admin/users/", NEW_USER)
    assert made.status_code == 302
    page = browser.get("/app/admin/users/")
    assert "The account dina is created." in page.text and "Dina Diëtist" in page.text
    taken = browser.post("/app/admin/users/", NEW_USER)
    assert taken.status_code == 409 and "Already exists." in taken.text and 'aria-invalid="true"' in taken.text


def test_a_user_made_by_an_organisations_admin_is_theirs_even_an_admin_without_organisation(web, world, ada):
    """Issue 14, hole 1: the form cannot make a platform admin (an admin with none)."""
    browser = web(ada, lang="en-GB")
    made = browser.post("/app/admin/users/", NEW_USER | {"username": "root2", "role": "admin", "organisation": ""})
    assert made.status_code == 302
    root2 = web()
    root2.login("root2", NEW_USER["password"])
    page = root2.get("/app/admin/users/")
    assert page.status_code == 200 and "ada" in page.text
    world.person("bert", "dietitian", organisation="Provider B")
    assert "bert" not in page.text and "bert" not in root2.get("/app/admin/users/").text


def test_deactivating_a_user_ends_their_access_and_stays_in_the_organisation(web, world, ada):
    dora = world.person("dora", "dietitian")
    bert = world.person("bert", "dietitian", organisation="Provider B")
    dora_browser = web(dora)
    browser = web(ada, lang="en-GB")
    assert browser.post(f"/app/admin/users/{bert.id}/deactivation").status_code == 404
    assert browser.post(f"/app/admin/users/{dora.id}/deactivation", csrf=False).status_code == 400
    done = browser.post(f"/app/admin/users/{dora.id}/deactivation")
    assert done.status_code == 302
    page = browser.get("/app/admin/users/")
    assert "The account dora is deactivated." in page.text and "deactivated" in page.text
    assert dora_browser.get("/app/dietitian/").status_code == 302  # signed out: to the login page
    assert web().post("/app/login", {"username": "dora", "password": "correct horse battery"}).status_code == 401
    own = browser.post(f"/app/admin/users/{ada.id}/deactivation")
    assert own.status_code == 302
    assert "You cannot deactivate your own account." in browser.get("/app/admin/users/").text


def test_the_platform_admin_manages_organisations_and_everyones_users(web, world, ada):
    root = world.person("root", "admin", organisation=None)
    world.person("bert", "dietitian", organisation="Provider B")
    browser = web(root, lang="en-GB")
    users = browser.get("/app/admin/users/").text
    assert "bert" in users and "ada" in users
    page = browser.get("/app/admin/organisations/")
    assert page.status_code == 200 and "Provider B" in page.text and "New organisation" in page.text
    bad = browser.post("/app/admin/organisations/", {"name": "", "type": "bank"})
    assert bad.status_code == 422 and bad.text.count('aria-invalid="true"') == 2
    made = browser.post("/app/admin/organisations/", {"name": "Zorgkas Midden", "type": "cofinancer"})
    assert made.status_code == 302 and "Zorgkas Midden" in browser.get("/app/admin/organisations/").text
    twice = browser.post("/app/admin/organisations/", {"name": "Zorgkas Midden", "type": "cofinancer"})
    assert twice.status_code == 409 and "Already exists." in twice.text
    fin = browser.post("/app/admin/users/", {"username": "fin", "password": "long enough pw",
                                             "role": "cofinancer", "organisation": "Zorgkas Midden"})
    assert fin.status_code == 302


def test_a_provider_admin_sees_only_their_organisation_and_may_not_create_one(web, world, ada):
    world.organisation("Provider B")
    browser = web(ada)
    page = browser.get("/app/admin/organisations/")
    assert page.status_code == 200 and "Provider A" in page.text and "Provider B" not in page.text
    assert 'name="type"' not in page.text
    refused = browser.post("/app/admin/organisations/", {"name": "Mine", "type": "provider"})
    assert refused.status_code == 403 and "<h1>403" in refused.text


def test_job_runs_are_listed_newest_first_and_filtered(web, ada, uow, world):
    with uow:
        uow.session.add_all([
            JobRun(job="billing", period_key="2026-10", attempt=1, outcome="failed", trigger="schedule",
                   runner="host:1", started_at=datetime(2026, 11, 1, 1, tzinfo=UTC),
                   finished_at=datetime(2026, 11, 1, 1, 0, 3, tzinfo=UTC), error="KeyError: plan\ntraceback"),
            JobRun(job="billing", period_key="2026-10", attempt=2, trigger="cli", runner="host:2",
                   outcome="succeeded", started_at=datetime(2026, 11, 1, 2, tzinfo=UTC),
                   finished_at=datetime(2026, 11, 1, 2, 0, 5, tzinfo=UTC), counts={"invoices": 14})])
        uow.commit()
    mine = web(ada, lang="en-GB").get("/app/admin/jobs/")  # a provider's admin: the status only
    assert "2 runs" in mine.text and "KeyError" not in mine.text and "invoices: 14" not in mine.text
    assert "the details are for the platform administrator" in mine.text
    browser = web(world.person("root", "admin", organisation=None), lang="en-GB")
    page = browser.get("/app/admin/jobs/")
    assert page.status_code == 200 and "2 runs" in page.text
    assert page.text.index("invoices: 14") < page.text.index("KeyError: plan")
    assert "traceback" not in page.text  # the first line only; the rest is in the scheduler's log
    failed = browser.get("/app/admin/jobs/?outcome=failed")
    assert "1 run" in failed.text and "invoices: 14" not in failed.text
    bad = browser.get("/app/admin/jobs/?period=yesterday&outcome=lost")
    assert bad.status_code == 422 and bad.text.count('aria-invalid="true"') == 2
    assert "Use YYYY-MM-DD or YYYY-MM." in bad.text
    assert web(ada).get("/app/admin/jobs/").status_code == 200


@pytest.mark.parametrize("url", ["/app/admin/users/", "/app/admin/organisations/", "/app/admin/catalogue/",
                                 "/app/admin/prices/", "/app/admin/catalogue/dishes/new"])
def test_other_roles_are_refused_the_admin_pages(web, world, url):
    for role, org in (("dietitian", "Provider A"), ("logistics", "Provider A"),
                      ("cofinancer", "Fonds"), ("caregiver", None)):
        browser = web(world.person(f"x{role}", role, org))
        response = browser.get(url)
        assert response.status_code == 403 and "<h1>403" in response.text, (role, url)
    assert web().get(url).status_code == 302


@pytest.mark.parametrize("lang", ["nl-BE", "en-GB"])
def test_every_admin_page_renders_in_both_languages(web, ada, lang):
    browser = web(ada, lang=lang)
    for url in ("/app/admin/users/", "/app/admin/organisations/", "/app/admin/catalogue/",
                "/app/admin/catalogue/dishes/new", "/app/admin/prices/", "/app/admin/jobs/", "/app/admin/sends/",
                "/app/cofinancer/agreements/"):
        response = browser.get(url)
        assert response.status_code == 200 and f'<html lang="{lang[:2]}">' in response.text, url
