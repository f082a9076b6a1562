"""Issue 17: a skipped delivery is remembered. The nightly reorder never orders for a
skipped day; undone before the cut-off, the orders the skip cancelled are planned again.
Monday 2026-12-07; the client is delivered on Mondays and Thursdays, cut-off 14:00 the day before."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.jobs.registry import JOBS
from tests.api.portal.home_world import suitable
from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup

THURSDAY = date(2026, 12, 10)


def planned_days(uow, client_id):
    with uow:
        return set(uow.session.scalars(select(DeliveryOrder.delivery_date).where(
            DeliveryOrder.client_id == client_id, DeliveryOrder.status == "planned")))


def skips_url(home):
    return f"/api/v1/clients/{home['client']}/skipped-deliveries"


@pytest.mark.business_day("2026-12-07T10:00")
@pytest.mark.parametrize("skipped", [False, True])
def test_the_nightly_reorder_orders_nothing_for_a_skipped_day(http, home, caregiver, app, uow, today, skipped):
    anna = caregiver("anna", "view", "order")
    if skipped:  # a regular delivery day with nothing ordered yet: the skip is remembered
        answer = http.post(skips_url(home), headers=anna.headers,
                           json={"delivery_date": THURSDAY.isoformat(), "reason": "visiting my daughter"})
        assert answer.status_code == 201, answer.json
        assert answer.json["cancelled_order_ids"] == [] and answer.json["reason"] == "visiting my daughter"
    factory = app.extensions["nutriplat"].session_factory
    for _ in range(2):  # the night's run, and the same run again
        JOBS["reorder"].run(lambda: UnitOfWork(factory), today)
    days = planned_days(uow, home["client"])
    assert days, "the client still gets their meals"
    assert (THURSDAY in days) is not skipped


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_skip_is_undone_before_the_cut_off_and_its_order_planned_again(http, home, caregiver, uow):
    anna = caregiver("anna", "view", "order")
    order = setup(http.post(f"/api/v1/clients/{home['client']}/extra-orders", headers=anna.headers, json={
        "delivery_date": THURSDAY.isoformat(), "lines": [{"variant_id": suitable(home).variant_id, "quantity": 1}]}))
    assert setup(http.post(skips_url(home), headers=anna.headers,
                           json={"delivery_date": THURSDAY.isoformat()}))["cancelled_order_ids"] == [order["id"]]
    assert [s["delivery_date"] for s in http.get(skips_url(home), headers=anna.headers).json] == ["2026-12-10"]
    again = http.post(f"/api/v1/clients/{home['client']}/extra-orders", headers=anna.headers, json={
        "delivery_date": THURSDAY.isoformat(), "lines": [{"variant_id": suitable(home).variant_id, "quantity": 1}]})
    assert again.status_code == 409 and "delivery_date" in again.json["errors"]

    schedule_url = f"/api/v1/clients/{home['client']}/delivery-schedule"
    planner = home["people"]["logistics"].headers
    assert "2026-12-10" not in setup(http.get(schedule_url, headers=planner))["next_deliveries"]

    undone = http.delete(f"{skips_url(home)}/2026-12-10", headers=anna.headers)
    assert undone.status_code == 200 and undone.json["restored_order_ids"] == [order["id"]]
    assert THURSDAY in planned_days(uow, home["client"])
    assert http.get(skips_url(home), headers=anna.headers).json == []
    assert "2026-12-10" in setup(http.get(schedule_url, headers=planner))["next_deliveries"]
    assert http.delete(f"{skips_url(home)}/2026-12-10", headers=anna.headers).status_code == 404


@pytest.mark.business_day("2026-12-07T10:00")
def test_after_the_cut_off_a_skip_stays_and_a_bad_day_is_named(http, home, caregiver):
    anna, bart = caregiver("anna", "view", "order"), caregiver("bart", "view")
    assert http.post(skips_url(home), headers=bart.headers, json={"delivery_date": "2026-12-10"}).status_code == 403
    setup(http.post(skips_url(home), headers=anna.headers, json={"delivery_date": "2026-12-10"}))
    with clock_set_to(datetime(2026, 12, 9, 15, 0, tzinfo=BRUSSELS)):  # Wednesday, past the cut-off
        token = http.post("/api/v1/auth/token", json={"username": "anna", "password": TEST_PASSWORD}).json
        late = http.delete(f"{skips_url(home)}/2026-12-10",
                           headers={"Authorization": f"Bearer {token['access_token']}"})
    assert late.status_code == 409 and "delivery_date" in late.json["errors"]
    bad = http.delete(f"{skips_url(home)}/10-12-2026", headers=anna.headers)
    assert bad.status_code == 422 and "delivery_date" in bad.json["errors"]
    tuesday = http.post(skips_url(home), headers=anna.headers, json={"delivery_date": "2026-12-08"})
    assert tuesday.status_code == 409 and "delivery_date" in tuesday.json["errors"]
