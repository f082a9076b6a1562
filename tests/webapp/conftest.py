"""Fixtures for the web application: a browser-like test client that signs in
through the login form and sends the CSRF token with every form."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.webapp.deliveries_world import delivered as delivered  # a client's delivered day

TEST_PASSWORD = "correct horse battery"  # the password World gives every person
BASE = "https://localhost"  # the session cookie is Secure, as in production
CSRF = re.compile(r'name="csrf-token" content="([^"]+)"|name="csrf_token" value="([^"]+)"')


class WebClient:
    """``web.get(url)``, ``web.post(url, data)`` (CSRF token added unless
    ``csrf=False``), ``web.login(username)``; ``lang`` picks the login page's language."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.client = app.test_client()
        self.token: str | None = None

    def get(self, url: str, **kwargs):  # type: ignore[no-untyped-def]
        return self._remember_token(self.client.get(url, base_url=BASE, **kwargs))

    def post(self, url: str, data: dict | None = None, csrf: bool = True, **kwargs):  # type: ignore[no-untyped-def]
        data = dict(data or {})
        if csrf:
            if self.token is None:
                self.get("/app/login")
            data.setdefault("csrf_token", self.token)
        # Flask-WTF checks the Referer on HTTPS, as a browser sends it.
        headers = {"Referer": f"{BASE}/app/", **kwargs.pop("headers", {})}
        return self._remember_token(self.client.post(url, data=data, base_url=BASE, headers=headers, **kwargs))

    def _remember_token(self, response):  # type: ignore[no-untyped-def]
        """Pages carry a fresh CSRF token; downloads (PNG, XLSX) are not read as text."""
        if response.mimetype == "text/html" and (match := CSRF.search(response.get_data(as_text=True))):
            self.token = match.group(1) or match.group(2)
        return response

    def login(self, username: str, password: str = TEST_PASSWORD, lang: str | None = None):  # type: ignore[no-untyped-def]
        self.get("/app/login" + (f"?lang={lang}" if lang else ""))
        response = self.post("/app/login", {"username": username, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        self.get("/app/account")  # a fresh CSRF token: signing in starts a new session
        return response


@pytest.fixture
def web(app) -> Callable[..., WebClient]:  # type: ignore[no-untyped-def]
    """``web()`` is an anonymous browser; ``web(person)`` one signed in as that
    World person; ``web(person, lang="en-GB")`` in English."""

    def make(person=None, lang: str | None = None) -> WebClient:  # type: ignore[no-untyped-def]
        client = WebClient(app)
        if person is not None:
            client.login(person.username)
            if lang:
                client.post("/app/account", {"locale": lang})
        return client

    return make

