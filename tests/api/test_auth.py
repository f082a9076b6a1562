"""Bearer tokens: issue, use, expire, revoke, throttle."""
from datetime import timedelta

from sqlalchemy import update

from nutriplat.auth.models import AuthToken
from nutriplat.db import utcnow

PASSWORD = "correct horse battery"


def test_a_valid_login_returns_an_expiring_bearer_token(world, http):
    world.person("dora", "dietitian")
    response = http.post("/api/v1/auth/token", json={"username": "dora", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json["token_type"] == "bearer"
    assert len(response.json["access_token"]) >= 32
    assert response.json["expires_at"].endswith("+00:00")


def test_a_wrong_password_is_401_and_an_unknown_user_looks_the_same(world, http):
    world.person("dora", "dietitian")
    wrong = http.post("/api/v1/auth/token", json={"username": "dora", "password": "nope"})
    unknown = http.post("/api/v1/auth/token", json={"username": "ghost", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json["message"] == unknown.json["message"]
    assert wrong.json["code"] == 401 and wrong.json["status"] == "Unauthorized"


def test_login_needs_both_fields_and_nothing_else(http):
    response = http.post("/api/v1/auth/token", json={"username": "dora", "extra": 1})
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"password", "extra"}


def test_repeated_failed_logins_are_throttled_even_with_the_right_password(world, http):
    world.person("dora", "dietitian")
    for _ in range(5):
        http.post("/api/v1/auth/token", json={"username": "dora", "password": "wrong"})
    response = http.post("/api/v1/auth/token", json={"username": "dora", "password": PASSWORD})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


def test_no_token_a_bad_token_and_a_malformed_header_are_401(http):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        response = http.get("/api/v1/clients", headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_expired_token_is_401(world, http, uow):
    dora = world.person("dora", "dietitian")
    with uow:
        uow.session.execute(update(AuthToken).values(expires_at=utcnow() - timedelta(seconds=1)))
        uow.commit()
    assert http.get("/api/v1/clients", headers=dora.headers).status_code == 401


def test_a_revoked_token_no_longer_works(world, http):
    dora = world.person("dora", "dietitian")
    assert http.delete("/api/v1/auth/token", headers=dora.headers).status_code == 204
    assert http.get("/api/v1/clients", headers=dora.headers).status_code == 401


def test_passwords_are_stored_as_argon2_hashes(world, uow):
    from nutriplat.auth.models import User

    world.person("dora", "dietitian")
    with uow:
        stored = uow.session.query(User).one().password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
