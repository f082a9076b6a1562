"""Failed external sends are retried: the ``notification-retries`` job tries a refused
delivery again after a doubling pause, a bounded number of times, then marks it failed for
good with the provider's reason; the admin sees the sends of their organisation's users."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.clock import business_date, clock_set_to, local_now
from nutriplat.db import UnitOfWork
from nutriplat.jobs.runner import run_job
from nutriplat.notifications.models import NotificationDelivery
from nutriplat.notifications.retries import notification_retries
from nutriplat.notifications.sending import MAX_ATTEMPTS, Message, notify
from tests.api.notifications.test_notifications_api import tell
from tests.builders.notifications import fake_channel


@pytest.fixture
def channel():
    with fake_channel() as fake:
        yield fake


@pytest.fixture
def factory(app):
    return app.extensions["nutriplat"].session_factory


def deliveries(uow) -> dict[str, tuple]:
    with uow:
        return {d.address: (d.status, d.attempts, d.error, d.next_attempt_at)
                for d in uow.session.scalars(select(NotificationDelivery))}


def retry_at(factory, at) -> dict[str, int]:
    with clock_set_to(at):
        return notification_retries(lambda: UnitOfWork(factory), business_date(at))


def test_a_refused_send_is_retried_after_doubling_pauses_then_failed_for_good(uow, world, channel, factory):
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    channel.failing.add("nurse@example.test")
    told = local_now().replace(hour=7, minute=0, second=0, microsecond=0)
    with clock_set_to(told):
        tell(uow, [gp, nurse])
    status, attempts, error, due = deliveries(uow)["nurse@example.test"]
    assert (status, attempts, error) == ("retrying", 1, "mailbox unavailable")
    assert timedelta(hours=1) <= due - told < timedelta(hours=1, minutes=1)  # the clock runs on from 07:00
    assert retry_at(factory, told + timedelta(minutes=59)) == {"sent": 0, "retrying": 0, "failed for good": 0}

    at = told
    for pause_hours in (1, 2, 4):  # after the 1st, 2nd and 3rd failed send
        at += timedelta(hours=pause_hours, minutes=1)
        counts = retry_at(factory, at)
    assert counts == {"sent": 0, "retrying": 0, "failed for good": 1}
    assert deliveries(uow)["nurse@example.test"][:3] == ("failed", MAX_ATTEMPTS, "mailbox unavailable")
    assert deliveries(uow)["nurse@example.test"][3] is None
    assert retry_at(factory, at + timedelta(days=1)) == {"sent": 0, "retrying": 0, "failed for good": 0}
    assert channel.addresses() == ["gp@example.test"]  # the GP's was sent once, never again


def test_a_retry_that_the_provider_takes_is_sent_and_a_dropped_pending_send_goes_out(uow, world, channel, factory):
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    channel.failing.add("nurse@example.test")
    told = local_now().replace(hour=7, minute=0, second=0, microsecond=0)
    with clock_set_to(told):
        tell(uow, [gp, nurse])
    with uow:  # as if the process stopped between the commit and the send
        dropped = uow.session.scalar(select(NotificationDelivery).where(
            NotificationDelivery.address == "gp@example.test"))
        dropped.status, dropped.attempts, dropped.sent_at = "pending", 0, None
        uow.commit()
    channel.failing.clear()
    assert retry_at(factory, told + timedelta(hours=2)) == {"sent": 2, "retrying": 0, "failed for good": 0}
    assert {a: d[:2] for a, d in deliveries(uow).items()} == {"gp@example.test": ("sent", 1),
                                                              "nurse@example.test": ("sent", 2)}
    assert channel.addresses() == ["gp@example.test", "gp@example.test", "nurse@example.test"]  # by delivery


def test_the_job_is_registered_and_runs_once_per_day(uow, world, channel, factory):
    nurse = world.person("nurse", "referrer", "Praktijk")
    channel.failing.add("nurse@example.test")
    told = local_now().replace(hour=7, minute=0, second=0, microsecond=0)
    with clock_set_to(told):
        tell(uow, [nurse])
    channel.failing.clear()
    with clock_set_to(told + timedelta(hours=1, minutes=30)):
        first = run_job(factory, "notification-retries", business_date(told))
        second = run_job(factory, "notification-retries", business_date(told))
    assert (first.outcome, first.counts) == ("succeeded", {"sent": 1, "retrying": 0, "failed for good": 0})
    assert second.outcome == "skipped"
    assert channel.addresses() == ["nurse@example.test"]


def test_the_admin_sees_the_sends_about_their_matters_that_failed_for_good_with_the_reason(
        http, uow, world, channel, factory):
    nurse, far = world.person("nurse", "referrer", "Praktijk"), world.person("far", "referrer", "Elders")
    ours, theirs = world.organisation("Provider A"), world.organisation("Provider B")
    channel.failing.update({"nurse@example.test", "far@example.test"})
    told = local_now().replace(hour=7, minute=0, second=0, microsecond=0)
    with clock_set_to(told), uow:
        for person, provider in ((nurse, ours), (far, theirs)):
            notify(uow, [person.id], Message(kind="care_alert", topic=f"t{person.id}", subject="s", body="b",
                                             organisation_id=provider))
        uow.commit()
    for at in ((1, 1), (3, 3), (7, 5)):  # each pause over (the clock runs on a little from each setting)
        retry_at(factory, told + timedelta(hours=at[0], minutes=at[1]))
    admin = world.person("ada", "admin")
    response = http.get("/api/v1/notifications/deliveries", query_string={"status": "failed"}, headers=admin.headers)
    assert response.status_code == 200, response.json
    [failed] = response.json  # not Provider B's
    assert (failed["recipient_name"], failed["attempts"], failed["error"]) == ("nurse", 4, "mailbox unavailable")
    assert "body" not in failed and "subject" not in failed
    assert http.get("/api/v1/notifications/deliveries", query_string={"status": "lost"},
                    headers=admin.headers).status_code == 422
    assert http.get("/api/v1/notifications/deliveries", headers=nurse.headers).status_code == 403
