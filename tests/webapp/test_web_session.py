"""Session login of the web application: cookies, CSRF, throttling, idle timeout,
logout, language, and the error pages."""
from __future__ import annotations

from datetime import timedelta

import pytest

from nutriplat.auth.models import LoginAttempt
from nutriplat.db import utcnow


def test_root_and_app_send_an_anonymous_visitor_to_the_login_page(web):
    browser = web()
    assert browser.get("/").location.endswith("/app/")
    response = browser.get("/app/dietitian/")
    assert response.status_code == 302
    assert "/app/login?next=/app/dietitian/" in response.location
    page = browser.get("/app/login")
    assert page.status_code == 200
    assert 'lang="nl"' in page.text and "Aanmelden" in page.text  # Dutch by default
    assert "Sign in" in browser.get("/app/login?lang=en-GB").text


def test_the_session_cookie_is_secure_httponly_and_samesite_lax(world, web):
    dora = world.person("dora", "dietitian")
    browser = web()
    browser.get("/app/login")
    response = browser.post("/app/login", {"username": "dora", "password": "correct horse battery"})
    assert response.status_code == 302 and response.location.endswith("/app/")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert browser.get("/app/").location.endswith("/app/dietitian/")
    assert dora.role == "dietitian"


def test_a_form_without_its_csrf_token_is_refused_with_400(world, web):
    world.person("dora", "dietitian")
    browser = web()
    refused = browser.post("/app/login", {"username": "dora", "password": "correct horse battery"},
                           csrf=False)
    assert refused.status_code == 400
    assert "<h1>400" in refused.text
    assert "/app/login" in browser.get("/app/").location  # not signed in
    signed_in = web(world.person("lien", "dietitian"))
    assert signed_in.post("/app/logout", csrf=False).status_code == 400
    assert signed_in.post("/app/logout", {"csrf_token": "forged"}, csrf=False).status_code == 400
    assert signed_in.get("/app/dietitian/").status_code == 200  # still signed in


def test_the_api_stays_exempt_from_csrf(world, http):
    dora = world.person("dora", "dietitian")
    response = http.post("/api/v1/clients", json={}, headers=dora.headers)
    assert response.status_code == 422  # validation, not a CSRF refusal


def test_a_wrong_password_is_shown_on_the_form_and_counted(world, web, uow):
    world.person("dora", "dietitian")
    browser = web()
    response = browser.post("/app/login", {"username": "dora", "password": "wrong"})
    assert response.status_code == 401
    assert "Ongeldige gebruikersnaam of wachtwoord." in response.text
    assert 'value="dora"' in response.text  # what was typed is kept, the password is not
    with uow:
        assert uow.session.query(LoginAttempt).filter_by(username="dora", succeeded=False).count() == 1


def test_login_is_throttled_as_in_the_api(world, web, app):
    world.person("dora", "dietitian")
    browser = web()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert browser.post("/app/login", {"username": "dora", "password": "wrong"}).status_code == 401
    blocked = browser.post("/app/login", {"username": "dora", "password": "correct horse battery"})
    assert blocked.status_code == 429
    assert "Te veel mislukte aanmeldingen" in blocked.text


def test_logout_ends_the_session_and_revokes_its_token(world, web, uow):
    browser = web(world.person("dora", "dietitian"))
    response = browser.post("/app/logout")
    assert response.status_code == 302 and response.location.endswith("/app/login")
    assert browser.get("/app/dietitian/").status_code == 302
    from nutriplat.auth.models import AuthToken
    with uow:
        tokens = uow.session.query(AuthToken).all()
        web_tokens = [t for t in tokens if t.revoked_at is not None]
        assert len(web_tokens) == 1


def test_an_idle_session_is_signed_out(world, web, app, monkeypatch, uow):
    browser = web(world.person("dora", "dietitian"))
    assert browser.get("/app/dietitian/").status_code == 200
    later = utcnow() + timedelta(minutes=app.config["WEB_IDLE_MINUTES"] + 1)
    monkeypatch.setattr("nutriplat.webapp.session.utcnow", lambda: later)
    response = browser.get("/app/dietitian/")
    assert response.status_code == 302 and "/app/login" in response.location
    assert "inactiviteit" in browser.get("/app/login").text
    monkeypatch.undo()
    assert browser.get("/app/dietitian/").status_code == 302  # the session is gone for good
    from nutriplat.auth.models import AuthToken
    with uow:
        revoked = [t for t in uow.session.query(AuthToken) if t.revoked_at is not None]
        assert len(revoked) == 1  # the web session's token (World's API token lives on)


def test_activity_keeps_the_session_alive(world, web, app, monkeypatch):
    browser = web(world.person("dora", "dietitian"))
    step = timedelta(minutes=app.config["WEB_IDLE_MINUTES"] - 1)
    for n in (1, 2, 3):
        at = utcnow() + n * step
        monkeypatch.setattr("nutriplat.webapp.session.utcnow", lambda at=at: at)
        assert browser.get("/app/dietitian/").status_code == 200


def test_the_language_is_chosen_per_user_and_saved(world, web, uow):
    dora = world.person("dora", "dietitian")
    browser = web(dora)
    assert "Mijn dag" in browser.get("/app/dietitian/").text
    bad = browser.post("/app/account", {"locale": "fr-BE"})
    assert bad.status_code == 422
    assert 'aria-invalid="true"' in bad.text and "Must be one of" in bad.text
    assert browser.post("/app/account", {"locale": "en-GB"}).status_code == 302
    assert "My day" in browser.get("/app/dietitian/").text
    again = web(dora)  # a new session picks the saved language
    assert "My day" in again.get("/app/dietitian/").text
    from nutriplat.auth.models import User
    with uow:
        assert uow.session.get(User, dora.id).locale == "en-GB"


@pytest.mark.parametrize("role", ["logistics", "cofinancer", "admin", "caregiver"])
def test_each_role_lands_on_its_home_and_may_not_open_the_dietitians(world, web, app, role):
    from flask import url_for

    from nutriplat.webapp import nav

    organisation = {"caregiver": None, "cofinancer": "Insurer C"}.get(role, "Provider A")
    browser = web(world.person(f"user_{role}", role, organisation))
    with app.test_request_context():
        home = url_for(nav.ROLE_HOME.get(role, "webapp.auth.account"))
    assert browser.get("/app/").location.endswith(home)
    assert browser.get(home).status_code == 200
    assert browser.get("/app/account").status_code == 200
    refused = browser.get("/app/dietitian/")
    assert refused.status_code == 403 and "<h1>403" in refused.text


def test_only_local_paths_are_followed_after_login(world, web):
    world.person("dora", "dietitian")
    browser = web()
    browser.get("/app/login")
    response = browser.post("/app/login?next=//evil.example/x",
                            {"username": "dora", "password": "correct horse battery"})
    assert response.location.endswith("/app/")


def test_the_cookie_holds_a_session_id_never_the_api_bearer_token(world, web, app, http):
    """Issue 14, hole 10: a signed but readable cookie must not hand out API access."""
    browser = web(world.person("dora", "dietitian"))
    cookie = browser.client.get_cookie(app.config["SESSION_COOKIE_NAME"], domain="localhost")
    content = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    assert "token" not in content and set(content) >= {"sid"}
    for value in content.values():
        assert http.get("/api/v1/clients", headers={"Authorization": f"Bearer {value}"}).status_code == 401


def test_the_idle_timeout_ends_the_sessions_token_even_if_the_browser_never_returns(world, web, app, uow):
    from nutriplat.auth.models import AuthToken, WebSession
    web(world.person("dora", "dietitian"))
    idle = timedelta(minutes=app.config["WEB_IDLE_MINUTES"])
    with uow:
        session = uow.session.query(WebSession).one()
        token = uow.session.get(AuthToken, session.token_id)
        assert token.expires_at <= session.last_seen_at + idle  # not the 8 hours of an API token
        assert session.ends_at > token.expires_at


def test_a_throttled_web_login_says_when_to_retry(world, web, app):
    world.person("dora", "dietitian")
    browser = web()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        browser.post("/app/login", {"username": "dora", "password": "wrong"})
    blocked = browser.post("/app/login", {"username": "dora", "password": "correct horse battery"})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
