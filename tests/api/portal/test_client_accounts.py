"""Issue 17 item 1: a client's own account — invited by their dietitian with a one-time
code (shown once, kept as a digest, expiring), tied to their record; they see only themselves."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nutriplat.clock import clock_set_to, now
from nutriplat.portal.models import ClientInvitation
from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup


def test_the_code_is_shown_once_and_only_its_digest_is_kept(http, home, uow):
    answer = http.post(f"/api/v1/clients/{home['client']}/invitations", headers=home["people"]["dietitian"].headers)
    assert answer.status_code == 201, answer.json
    code = answer.json["code"]
    assert len(code.replace("-", "")) == 12
    with uow:
        stored = uow.session.scalar(select(ClientInvitation))
        assert code not in stored.code_hash and len(stored.code_hash) == 64


def test_a_redeemed_code_opens_an_account_tied_to_the_record_and_works_once(http, home):
    code = setup(http.post(f"/api/v1/clients/{home['client']}/invitations",
                           headers=home["people"]["dietitian"].headers))["code"]
    opened = http.post("/api/v1/invitations/redeem", json={"code": code.lower(), "username": "client.maria",
                                                           "password": TEST_PASSWORD})
    assert opened.status_code == 201, opened.json
    assert opened.json == {"id": opened.json["id"], "username": "client.maria", "role": "client",
                           "client_id": home["client"]}
    again = http.post("/api/v1/invitations/redeem", json={"code": code, "username": "client.other",
                                                          "password": TEST_PASSWORD})
    assert again.status_code == 422 and "code" in again.json["errors"]


def test_an_expired_code_opens_nothing(http, home):
    code = setup(http.post(f"/api/v1/clients/{home['client']}/invitations",
                           headers=home["people"]["dietitian"].headers))["code"]
    with clock_set_to(now() + timedelta(days=15)):
        late = http.post("/api/v1/invitations/redeem", json={"code": code, "username": "client.maria",
                                                             "password": TEST_PASSWORD})
    assert late.status_code == 422 and "code" in late.json["errors"]


def test_a_short_password_and_a_wrong_code_are_named_together(http, home):
    answer = http.post("/api/v1/invitations/redeem", json={"code": "AAAA-BBBB-CCCC", "username": "client.x",
                                                           "password": "short"})
    assert answer.status_code == 422 and set(answer.json["errors"]) == {"code", "password"}


def test_a_client_with_an_account_is_not_invited_again(http, home, client_account):
    again = http.post(f"/api/v1/clients/{home['client']}/invitations", headers=home["people"]["dietitian"].headers)
    assert again.status_code == 409


def test_a_client_sees_only_themselves(http, home, client_account, maria):
    other = setup(http.post("/api/v1/clients", headers=home["people"]["dietitian"].headers,
                            json=maria | {"given_name": "Jozef"}))
    assert http.get(f"/api/v1/clients/{home['client']}", headers=client_account).status_code == 200
    assert http.get(f"/api/v1/clients/{other['id']}", headers=client_account).status_code == 404
    assert http.get(f"/api/v1/clients/{other['id']}/week", headers=client_account).status_code == 404
    listed = http.get("/api/v1/clients", headers=client_account)
    assert listed.status_code == 200 and [c["id"] for c in listed.json] == [home["client"]]


def test_a_client_records_their_own_meal_and_weight(http, home, client_account, today):
    meal = http.post(f"/api/v1/clients/{home['client']}/intake", headers=client_account,
                     json={"date": today.isoformat(), "meal_slot": "lunch", "percent_eaten": 75})
    weight = http.post(f"/api/v1/clients/{home['client']}/measurements", headers=client_account,
                       json={"type": "weight_kg", "value": 60.5, "measured_at": now().isoformat()})
    assert (meal.status_code, weight.status_code) == (201, 201), (meal.json, weight.json)


def test_a_client_withdraws_their_research_consent(http, home, client_account):
    consent = setup(http.post(f"/api/v1/clients/{home['client']}/consents", headers=home["people"]["dietitian"].headers,
                              json={"purpose": "research"}))
    withdrawn = http.delete(f"/api/v1/clients/{home['client']}/consents/{consent['id']}", headers=client_account)
    assert withdrawn.status_code == 200 and withdrawn.json["withdrawn_at"]
