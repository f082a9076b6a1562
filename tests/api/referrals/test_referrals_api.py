"""Issue 19 item 1: a GP refers, the provider's dietitian triages the inbox, and the
referrer follows the referral's status and never sees anything of the client record."""
from __future__ import annotations

import pytest

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

REFERRALS = "/api/v1/referrals"
# What a referrer may read of a referral: its own fields and status, nothing of a client.
REFERRER_FIELDS = {
    "id", "provider_id", "given_name", "family_name", "birth_date", "sex", "phone", "address",
    "reason", "urgency", "screening", "iddsi_food_level", "iddsi_drink_level", "allergies",
    "consent_for_care", "organisation_id", "referred_by", "source", "letter", "status", "decline_reason",
    "received_at", "triaged_at", "accepted_at", "declined_at", "activated_at", "ended_at"}


def test_a_gp_referral_accepted_becomes_a_client_and_follows_its_status(http, gp, lien, referral, today):
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    assert sent["status"] == "received" and sent["organisation_id"] == gp.organisation_id
    assert sent["referred_by"] == gp.id
    inbox = setup(http.get(REFERRALS, headers=lien.headers))
    assert [(r["id"], r["status"], r["decline_reason"]) for r in inbox] == [(sent["id"], "received", None)]

    triaged = setup(http.post(f"{REFERRALS}/{sent['id']}/triage", headers=lien.headers))
    assert triaged["status"] == "triaged" and triaged["triaged_at"]
    accepted = setup(http.post(f"{REFERRALS}/{sent['id']}/accept", json={}, headers=lien.headers))
    assert accepted["status"] == "accepted" and accepted["client_id"]

    client = setup(http.get(f"/api/v1/clients/{accepted['client_id']}", headers=lien.headers))
    assert (client["given_name"], client["family_name"], client["birth_date"], client["status"]) == (
        "Rosa", "Declercq", "1938-06-21", "referred")
    assert client["address"]["postal_code"] == "8800" and client["allergies"] == ["milk"]
    assert client["iddsi_food_level"] == "6" and client["referral"]["organisation_id"] == gp.organisation_id

    setup(http.post(f"/api/v1/clients/{client['id']}/status-changes", headers=lien.headers,
                    json={"changed_on": today.isoformat(), "to_status": "active", "reason": "first visit"}))
    seen = setup(http.get(f"{REFERRALS}/{sent['id']}", headers=gp.headers))
    assert seen["status"] == "active" and seen["activated_at"]
    assert set(seen) <= REFERRER_FIELDS  # no client_id, nothing of the record
    assert_error(http.get(f"/api/v1/clients/{client['id']}", headers=gp.headers), 403)

    setup(http.post(f"/api/v1/clients/{client['id']}/status-changes", headers=lien.headers,
                    json={"changed_on": today.isoformat(), "to_status": "ended", "reason": "moved away"}))
    ended = setup(http.get(f"{REFERRALS}/{sent['id']}", headers=gp.headers))
    assert ended["status"] == "ended" and ended["ended_at"]
    assert_error(http.post(f"{REFERRALS}/{sent['id']}/triage", headers=lien.headers), 409, "status")


def test_a_declined_referral_shows_its_reason_to_the_referrer_and_nothing_else(http, gp, lien, referral):
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    declined = setup(http.post(f"{REFERRALS}/{sent['id']}/decline", headers=lien.headers,
                               json={"reason": "Outside our delivery area; try Provider B."}))
    assert declined["status"] == "declined"
    listed = setup(http.get(REFERRALS, headers=gp.headers))
    assert [(r["id"], r["status"], r["decline_reason"]) for r in listed] == [
        (sent["id"], "declined", "Outside our delivery area; try Provider B.")]
    assert all(set(r) <= REFERRER_FIELDS for r in listed)
    assert "handled_by" not in listed[0] and "client_id" not in listed[0]
    assert_error(http.post(f"{REFERRALS}/{sent['id']}/accept", json={}, headers=lien.headers), 409)


def test_a_decline_needs_a_reason(http, gp, lien, referral):
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    assert_error(http.post(f"{REFERRALS}/{sent['id']}/decline", json={}, headers=lien.headers), 422, "reason")
    assert_error(http.post(f"{REFERRALS}/{sent['id']}/decline", json={"reason": "  "}, headers=lien.headers),
                 422, "reason")


def test_a_referrer_of_practice_a_gets_404_for_practice_b_s_referral(http, gp, other_gp, referral):
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    assert_error(http.get(f"{REFERRALS}/{sent['id']}", headers=other_gp.headers), 404)
    assert setup(http.get(REFERRALS, headers=other_gp.headers)) == []
    assert [r["id"] for r in setup(http.get(REFERRALS, headers=gp.headers))] == [sent["id"]]


def test_another_provider_s_staff_do_not_see_the_referral(http, world, gp, referral):
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    stranger = world.person("dietist.b", "dietitian", organisation="Provider B")
    assert_error(http.get(f"{REFERRALS}/{sent['id']}", headers=stranger.headers), 404)
    assert_error(http.post(f"{REFERRALS}/{sent['id']}/accept", json={}, headers=stranger.headers), 404)
    assert setup(http.get(REFERRALS, headers=stranger.headers)) == []


def test_a_likely_duplicate_is_a_409_listing_the_candidates(http, gp, lien, maria, referral):
    maria |= {"family_name": "DECLERCQ", "birth_date": "1938-06-21",
              "address": {"street": "Elders 1", "postal_code": "88 00", "city": "Roeselare", "country": "BE"}}
    existing = setup(http.post("/api/v1/clients", json=maria, headers=lien.headers))["id"]
    first = setup(http.post(REFERRALS, json=referral, headers=gp.headers))["id"]
    second = setup(http.post(REFERRALS, json=referral, headers=gp.headers))["id"]

    response = http.post(f"{REFERRALS}/{first}/accept", json={}, headers=lien.headers)
    assert_error(response, 409, "candidate_client_ids")
    assert response.json["errors"]["candidate_client_ids"] == [str(existing)]

    linked = setup(http.post(f"{REFERRALS}/{first}/accept", json={"link_client_id": existing},
                             headers=lien.headers))
    assert linked["client_id"] == existing
    anyway = setup(http.post(f"{REFERRALS}/{second}/accept", json={"create_anyway": True},
                             headers=lien.headers))
    assert anyway["client_id"] not in (None, existing)


@pytest.mark.parametrize("change, field", [
    ({"consent_for_care": False}, "consent_for_care"),
    ({"urgency": "whenever"}, "urgency"),
    ({"birth_date": "2999-01-01"}, "birth_date"),
    ({"screening": {"instrument": "horoscope", "result": "bad"}}, "screening"),
    ({"reason": ""}, "reason"),
    ({"provider_id": "1"}, "provider_id"),
])
def test_bad_input_is_422_naming_the_field(http, gp, referral, change, field):
    assert_error(http.post(REFERRALS, json=referral | change, headers=gp.headers), 422, field)


def test_a_referral_goes_to_a_provider(http, world, gp, referral):
    practice = world.organisation("De Mandel", "referrer")
    assert_error(http.post(REFERRALS, json=referral | {"provider_id": practice}, headers=gp.headers),
                 422, "provider_id")


def test_every_read_and_write_is_audited(http, uow, gp, lien, referral):
    from sqlalchemy import select

    from nutriplat.auth.models import AuditEntry
    sent = setup(http.post(REFERRALS, json=referral, headers=gp.headers))
    setup(http.get(f"{REFERRALS}/{sent['id']}", headers=gp.headers))
    setup(http.get(REFERRALS, headers=lien.headers))
    setup(http.post(f"{REFERRALS}/{sent['id']}/triage", headers=lien.headers))
    with uow:
        entries = uow.session.execute(select(AuditEntry.username, AuditEntry.action).where(
            AuditEntry.resource == "referral").order_by(AuditEntry.id)).all()
    assert [tuple(e) for e in entries] == [
        ("huisarts", "create"), ("huisarts", "read"), ("lien", "list"), ("lien", "triage")]


def test_a_platform_admin_makes_referrer_accounts_in_a_referrer_organisation(http, world, provider_a):
    world.organisation("De Mandel", "referrer")
    platform = world.person("platform", "admin", organisation=None)
    account = {"username": "huisarts.nieuw", "password": "a long enough password", "role": "referrer"}
    made = setup(http.post("/api/v1/users", json=account | {"organisation": "De Mandel"},
                           headers=platform.headers))
    assert (made["role"], made["organisation_id"]) == ("referrer", world.organisation("De Mandel"))
    assert_error(http.post("/api/v1/users", json=account | {"username": "x.provider", "organisation": "Provider A"},
                           headers=platform.headers), 422, "organisation")
    assert_error(http.post("/api/v1/users", json=account | {"username": "x.none"},
                           headers=platform.headers), 422, "organisation")
