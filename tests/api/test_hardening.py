"""Issue 14, hole 10: security headers, the X-Purpose header, the trusted-proxy setting
and the audit of refused accesses to person data."""
from __future__ import annotations

import re

import pytest

from nutriplat.app import create_app
from nutriplat.config import Config
from tests.setup_calls import setup

WEIGHT = {"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-20T08:00:00+01:00"}


@pytest.mark.parametrize("url", ["/api/v1/clients", "/api/v1/nowhere", "/api/openapi.json", "/api/docs",
                                 "/app/login", "/app/dietitian/", "/app/nowhere"])
def test_every_response_carries_the_security_headers(http, url):
    response = http.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_the_api_docs_page_has_no_inline_script_and_finds_its_assets(http):
    page = http.get("/api/docs").get_data(as_text=True)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    for src in re.findall(r'src="([^"]+)"', page):
        assert http.get(src).status_code == 200, src


def test_an_overlong_or_garbled_purpose_is_a_422_naming_the_header(world, http):
    dora = world.person("dora", "dietitian")
    for purpose in ("x" * 500, "screening\x07"):
        response = http.get("/api/v1/clients", headers=dora.headers | {"X-Purpose": purpose})
        assert response.status_code == 422 and "X-Purpose" in response.json["errors"]
    assert http.get("/api/v1/clients", headers=dora.headers | {"X-Purpose": "x" * 80}).status_code == 200


def audit(http, admin, **query):  # type: ignore[no-untyped-def]
    return http.get("/api/v1/audit", query_string=query, headers=admin.headers).json


def test_the_client_address_comes_from_a_trusted_proxy_only(world, http, maria, database_url):
    root = world.person("root", "admin", organisation=None)
    dora = world.person("dora", "dietitian")
    forwarded = {"X-Forwarded-For": "203.0.113.7"}
    http.post("/api/v1/clients", json=maria, headers=dora.headers | forwarded)
    assert [e["ip"] for e in audit(http, root, action="create")] == ["127.0.0.1"]  # not believed
    behind_proxy = create_app(Config(DATABASE_URL=database_url, PASSWORD_TIME_COST=1,
                                     PASSWORD_MEMORY_COST_KIB=256, TRUSTED_PROXIES=1))
    try:
        behind_proxy.test_client().post("/api/v1/clients", json=maria, headers=dora.headers | forwarded)
    finally:
        behind_proxy.extensions["nutriplat"].engine.dispose()
    assert [e["ip"] for e in audit(http, root, action="create")] == ["203.0.113.7", "127.0.0.1"]


def test_a_refused_read_of_another_providers_client_is_audited_without_telling_the_caller(world, http, maria):
    root = world.person("root", "admin", organisation=None)
    anna = world.person("anna", "admin", "Provider A")
    bob = world.person("bob", "admin", "Provider B")
    dora = world.person("dora", "dietitian", "Provider A")
    bert = world.person("bert", "dietitian", "Provider B")
    maria_id = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    existing = http.get(f"/api/v1/clients/{maria_id}", headers=bert.headers)
    missing = http.get("/api/v1/clients/999999", headers=bert.headers)
    assert existing.status_code == missing.status_code == 404
    assert existing.json["message"].replace(str(maria_id), "N") == missing.json["message"].replace("999999", "N")
    refusals = audit(http, root, action="refuse")
    assert [(e["username"], e["resource"], e["resource_id"], e["detail"]["status"], e["organisation_id"])
            for e in refusals] == [("bert", "client", "999999", 404, None),
                                   ("bert", "client", str(maria_id), 404, dora.organisation_id)]
    assert [e["resource_id"] for e in audit(http, anna, action="refuse")] == [str(maria_id)]  # the holder
    assert audit(http, bob, action="refuse") == []  # the caller's side learns nothing


def test_a_write_beyond_a_caregivers_mandate_is_refused_and_audited(world, http, maria):
    root = world.person("root", "admin", organisation=None)
    dora = world.person("dora", "dietitian")
    carl = world.person("carl", "caregiver", organisation=None)
    client_id = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    setup(http.post(f"/api/v1/clients/{client_id}/mandates", headers=dora.headers,
                    json={"caregiver_id": carl.id, "scopes": ["view"]}))
    refused = http.post(f"/api/v1/clients/{client_id}/measurements", json=WEIGHT, headers=carl.headers)
    assert refused.status_code == 403
    [entry] = audit(http, root, action="refuse")
    assert (entry["username"], entry["resource_id"], entry["detail"]) == (
        "carl", str(client_id), {"status": 403, "scope": "record"})


def test_a_refused_page_of_the_web_application_is_audited_too(world, http, maria, app):
    from tests.webapp.conftest import WebClient
    root = world.person("root", "admin", organisation=None)
    dora = world.person("dora", "dietitian", "Provider A")
    world.person("bert", "dietitian", "Provider B")
    maria_id = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    browser = WebClient(app)
    browser.login("bert")
    assert browser.get(f"/app/dietitian/clients/{maria_id}").status_code == 404
    assert [e["username"] for e in audit(http, root, action="refuse")] == ["bert"]
