"""The nightly ward ordering is a scheduled job (issue 16 items 4 and 9): ``ward-orders``
fires daily at 01:30 Brussels for the firing's own date, through the same runner as the
other jobs — so it runs once per day, and a second firing (a catch-up, a second scheduler)
changes nothing."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from nutriplat.clock import BRUSSELS
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.jobs.runner import RetryPolicy, run_job
from scheduler.schedule import SCHEDULE, scheduled
from tests.facilities_world import MONDAY

pytestmark = pytest.mark.business_day("2026-12-07")
ENTRY = {e.job: e for e in SCHEDULE}["ward-orders"]


def test_the_job_is_scheduled_nightly_for_its_own_day():
    entries, left_out = scheduled()
    assert ENTRY in entries and ENTRY not in left_out
    fired = ENTRY.trigger().get_next_fire_time(None, datetime.combine(MONDAY, datetime.min.time(), BRUSSELS))
    assert fired is not None and (fired.date(), fired.hour, fired.minute) == (MONDAY, 1, 30)
    assert ENTRY.period_at(fired) == MONDAY
    following = ENTRY.trigger().get_next_fire_time(fired, fired + timedelta(seconds=1))
    assert following is not None and following.astimezone(UTC) - fired.astimezone(UTC) == timedelta(days=1)


def test_the_runner_orders_once_per_day(app, served):
    factory = app.extensions["nutriplat"].session_factory
    first = run_job(factory, "ward-orders", MONDAY, trigger="schedule", policy=RetryPolicy(retries=0))
    assert first.outcome == "succeeded" and first.counts["orders"] >= 1
    again = run_job(factory, "ward-orders", MONDAY, trigger="schedule", policy=RetryPolicy(retries=0))
    assert again.outcome == "skipped" and "already succeeded" in again.reason
    with served["uow"]() as uow:
        orders = uow.session.execute(select(DeliveryOrder.delivery_date, func.count()).where(
            DeliveryOrder.ward_id == served["ward"]).group_by(DeliveryOrder.delivery_date)).all()
    assert orders and all(n == 1 for _day, n in orders)  # one order per ward and delivery day
    assert sum(1 for _ in orders) == first.counts["orders"]
