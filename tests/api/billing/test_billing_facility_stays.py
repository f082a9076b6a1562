"""Issue 16 item 8, follow-up: a resident's own subscription pauses while a service
agreement bills their ward meals — to the facility or to the resident (the monthly bundle
must not charge the same meals twice) — also when the agreement is made after they moved
in, and resumes when they move to a ward no agreement covers or the agreement ends."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat import events
from nutriplat.auth.models import AuditEntry
from nutriplat.billing.facility_stays import follow_agreement
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


@pytest.fixture
def subscribed(http, dora, maria, price_list):
    """``subscribed()``: a new active client with a subscription from 1 December."""
    def make():
        client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
            "status": "active", "referral": {"date": "2026-01-05"}}))["id"]
        setup(http.post(f"/api/v1/clients/{client}/subscriptions", headers=dora.headers, json={
            "plan_id": price_list["plan"], "start_date": "2026-12-01", "rentals": []}))
        return client
    return make


@pytest.fixture
def move(http, dora):
    def moved(client, setting, ward=None, room=None, on="2026-12-03"):
        setup(http.post(f"/api/v1/clients/{client}/care-setting-transfers", headers=dora.headers, json={
            "transferred_on": on, "to_setting": setting, "reason": "admission"}
            | ({"ward_id": ward, "room": room} if ward else {})))
    return moved


@pytest.fixture
def changes(http, dora):
    """``changes(client)``: the (kind, effective_on, reason) of the client's subscription changes."""
    def listed(client):
        (subscription,) = http.get(f"/api/v1/clients/{client}/subscriptions", headers=dora.headers).json
        return [(c["kind"], c["effective_on"], c["reason"]) for c in subscription["changes"]]
    return listed


def agreement(http, admin, facility, ward, invoice_to="facility", valid_from="2026-12-01", **extra):
    return setup(http.post("/api/v1/service-agreements", headers=admin.headers, json={
        "facility_id": facility, "ward_ids": [ward], "meal_moments": ["lunch", "dinner"],
        "delivery_days": [1, 4], "cutoff_days_before": 1, "cutoff_time": "14:00:00", "pricing": "per_meal",
        "price_eur": "9.80", "invoice_to": invoice_to, "valid_from": valid_from,
        "window_opens": "08:00:00", "window_closes": "10:30:00", "unloading_minutes": 25} | extra))


def test_an_agreement_made_after_residents_moved_in_pauses_them_from_its_first_day_and_resumes_after_its_last(
        http, world, facilities, subscribed, move, changes):
    lelie, admin = facilities["vlasbloem"], facilities["admin"]
    resident, at_home = subscribed(), subscribed()
    move(resident, "nursing_home", lelie["ward"], "101")
    assert changes(resident) == []  # no agreement yet: nobody else pays for the meals
    made = agreement(http, admin, lelie["facility_id"], lelie["ward"], valid_from="2026-12-14")
    paused = ("pause", "2026-12-14", f"service agreement {made['id']} covers the ward: the facility pays for the meals")
    assert changes(resident) == [paused] and changes(at_home) == []

    for _ in range(2):  # ending it twice on the same day resumes once
        ended = http.post(f"/api/v1/service-agreements/{made['id']}/end", headers=admin.headers,
                          json={"valid_until": "2026-12-20"})
        assert ended.status_code == 200, ended.json
    resumed = ("resume", "2026-12-21", f"service agreement {made['id']} ended on 2026-12-20")
    assert changes(resident) == [paused, resumed]
    with world.uow as uow:  # each change audited in the system's name, on the resident
        audited = uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.resource == "subscription", AuditEntry.action == "update", AuditEntry.client_id == resident,
            AuditEntry.user_id.is_(None))).all()
    assert [d["change"] for d in audited] == ["pause", "resume"]


def test_an_agreement_from_a_past_day_pauses_a_resident_from_the_day_they_moved_in(
        http, facilities, subscribed, move, changes):
    lelie = facilities["vlasbloem"]
    resident = subscribed()
    move(resident, "nursing_home", lelie["ward"], "101")
    agreement(http, facilities["admin"], lelie["facility_id"], lelie["ward"], valid_from="2026-12-01")
    assert [c[:2] for c in changes(resident)] == [("pause", "2026-12-03")]


def test_a_move_to_a_ward_no_agreement_covers_resumes_the_subscription(http, facilities, subscribed, move, changes):
    lelie, c4 = facilities["vlasbloem"], facilities["azdelta"]
    agreement(http, facilities["admin"], lelie["facility_id"], lelie["ward"])
    resident = subscribed()
    move(resident, "nursing_home", lelie["ward"], "101")
    move(resident, "hospital", c4["ward"], "12", on="2026-12-05")  # AZ Delta has no agreement
    assert changes(resident) == [
        ("pause", "2026-12-03", "client moved to nursing home: the facility pays for the meals"),
        ("resume", "2026-12-05", "client moved to hospital")]


def test_a_client_paused_for_their_own_reasons_stays_paused_on_a_move_to_an_unpaid_ward(
        http, dora, facilities, subscribed, move, changes):
    lelie, c4 = facilities["vlasbloem"], facilities["azdelta"]
    resident = subscribed()
    (subscription,) = http.get(f"/api/v1/clients/{resident}/subscriptions", headers=dora.headers).json
    setup(http.post(f"/api/v1/subscriptions/{subscription['id']}/changes", headers=dora.headers, json={
        "kind": "pause", "effective_on": "2026-12-02", "reason": "on holiday"}))
    agreement(http, facilities["admin"], lelie["facility_id"], lelie["ward"])
    move(resident, "nursing_home", lelie["ward"], "101")
    move(resident, "hospital", c4["ward"], "12", on="2026-12-05")
    assert [c[:2] for c in changes(resident)] == [("pause", "2026-12-02")]


def test_an_agreement_invoicing_the_resident_pauses_the_subscription_too(http, facilities, subscribed, move, changes):
    """The resident pays the ward meals on their own invoice: the monthly bundle pauses, so
    the same meals are not charged twice; back home it resumes."""
    lelie = facilities["vlasbloem"]
    agreement(http, facilities["admin"], lelie["facility_id"], lelie["ward"], invoice_to="client")
    resident = subscribed()
    move(resident, "nursing_home", lelie["ward"], "101")
    move(resident, "home", on="2026-12-06")
    assert changes(resident) == [
        ("pause", "2026-12-03", "client moved to nursing home: the ward meals are on the client's own invoice"),
        ("resume", "2026-12-06", "client moved to home")]


def test_the_same_agreement_event_handed_again_changes_nothing(http, world, facilities, subscribed, move, changes):
    """After-commit handlers must be idempotent: a catch-up may hand them the same fact again."""
    lelie = facilities["vlasbloem"]
    resident = subscribed()
    move(resident, "nursing_home", lelie["ward"], "101")
    made = agreement(http, facilities["admin"], lelie["facility_id"], lelie["ward"], valid_from="2026-12-14")
    before = changes(resident)
    follow_agreement(world.uow, events.ServiceAgreementChanged(
        made["id"], lelie["facility_id"], (lelie["ward"],), date(2026, 12, 14), None))
    assert changes(resident) == before and [c[:2] for c in before] == [("pause", "2026-12-14")]
