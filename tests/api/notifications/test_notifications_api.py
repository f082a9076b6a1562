"""The one notification interface: an in-app inbox per user, an acknowledgement shared by
everyone told of the same matter, and external channels that send only after commit."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.notifications.models import NotificationDelivery
from nutriplat.notifications.sending import Message, notify
from tests.builders.notifications import fake_channel


@pytest.fixture
def channel():
    with fake_channel() as fake:
        yield fake


def tell(uow, people, topic="care_alert:1", subject="Weight loss: Maria V."):
    with uow:
        notify(uow, [p.id for p in people], Message(kind="care_alert", topic=topic, subject=subject,
                                                     body="Lost 6 % in a month."))
        uow.commit()


def inbox(http, person, **query):
    response = http.get("/api/v1/notifications", query_string=query, headers=person.headers)
    assert response.status_code == 200, response.json
    return response.json


def test_each_recipient_finds_the_notification_in_their_own_inbox(http, uow, world):
    gp, nurse, other = (world.person(n, "referrer", "Praktijk") for n in ("gp", "nurse", "other"))
    tell(uow, [gp, nurse])
    assert [n["subject"] for n in inbox(http, gp)] == ["Weight loss: Maria V."]
    assert [n["subject"] for n in inbox(http, nurse)] == ["Weight loss: Maria V."]
    assert inbox(http, other) == []


def test_reading_marks_only_ones_own_notification_and_another_users_is_not_found(http, uow, world):
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    tell(uow, [gp, nurse])
    mine = inbox(http, gp)[0]
    assert http.post(f"/api/v1/notifications/{mine['id']}/read", headers=nurse.headers).status_code == 404
    read = http.post(f"/api/v1/notifications/{mine['id']}/read", headers=gp.headers)
    assert read.status_code == 200 and read.json["read_at"] is not None
    assert inbox(http, gp, unread="true") == []
    assert len(inbox(http, nurse, unread="true")) == 1


def test_an_acknowledgement_by_anyone_told_is_visible_to_all(http, uow, world):
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    tell(uow, [gp, nurse])
    response = http.post(f"/api/v1/notifications/{inbox(http, nurse)[0]['id']}/acknowledge",
                         headers=nurse.headers)
    assert response.status_code == 200, response.json
    seen_by_gp = inbox(http, gp)[0]
    assert seen_by_gp["acknowledged_at"] is not None
    assert seen_by_gp["acknowledged_by_name"] == "nurse"
    assert seen_by_gp["read_at"] is None  # acknowledged by the nurse, still unread by the GP


def test_channels_send_after_commit_and_a_failure_stays_on_the_delivery(http, uow, world, channel):
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    channel.failing.add("nurse@example.test")
    tell(uow, [gp, nurse])
    assert channel.addresses() == ["gp@example.test"]
    with uow:
        deliveries = {d.address: (d.status, d.attempts, d.error)
                      for d in uow.session.scalars(select(NotificationDelivery))}
    assert deliveries == {"gp@example.test": ("sent", 1, None),
                          "nurse@example.test": ("retrying", 1, "mailbox unavailable")}


def test_a_rolled_back_transaction_tells_nobody(http, uow, world, channel):
    gp = world.person("gp", "referrer", "Praktijk")
    with uow:
        notify(uow, [gp.id], Message(kind="care_alert", topic="t", subject="s", body="b"))
        # left without commit: rolled back
    assert channel.sent == []
    assert inbox(http, gp) == []


def test_an_unreachable_recipient_gets_the_in_app_notification_only(http, uow, world, channel):
    gp = world.person("gp", "referrer", "Praktijk")
    channel.unreachable.add("gp")
    tell(uow, [gp])
    assert channel.sent == []
    assert len(inbox(http, gp)) == 1
