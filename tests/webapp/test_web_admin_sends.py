"""The admin's page of e-mail/SMS sends: by status, with the provider's reason once a send
failed for good, read through the same use case as ``GET /api/v1/notifications/deliveries``
— only the sends about the admin's organisation's matters, never the message."""
from __future__ import annotations

from datetime import timedelta

import pytest

from nutriplat.clock import clock_set_to, local_now
from nutriplat.notifications.sending import Message, notify
from nutriplat.webapp.admin import sends
from tests.api.notifications.test_delivery_retries import retry_at
from tests.builders.notifications import fake_channel


@pytest.fixture
def failed_for_good(uow, world, app):
    """Provider A's alert reached the GP but never the nurse; Provider B's never reached theirs."""
    gp, nurse = world.person("gp", "referrer", "Praktijk"), world.person("nurse", "referrer", "Praktijk")
    far = world.person("far", "referrer", "Elders")
    ours, theirs = world.organisation("Provider A"), world.organisation("Provider B")
    told = local_now().replace(hour=7, minute=0, second=0, microsecond=0)
    with fake_channel() as channel:
        channel.failing.update({"nurse@example.test", "far@example.test"})
        with clock_set_to(told), uow:
            for people, provider in (([gp, nurse], ours), ([far], theirs)):
                notify(uow, [p.id for p in people], Message(kind="care_alert", topic=f"t{provider}",
                                                            subject="Weight loss: Maria V.", body="b",
                                                            organisation_id=provider))
            uow.commit()
        factory = app.extensions["nutriplat"].session_factory
        for hours, minutes in ((1, 1), (3, 3), (7, 5)):  # after each pause, the last try fails for good
            retry_at(factory, told + timedelta(hours=hours, minutes=minutes))


def test_the_admin_sees_which_sends_failed_for_good_and_why(web, world, failed_for_good, monkeypatch):
    browser = web(world.person("ada", "admin"), lang="en-GB")
    assert 'href="/app/admin/sends/"' in browser.get("/app/admin/users/").text  # in the admin's menu
    every = browser.get("/app/admin/sends/")
    assert every.status_code == 200 and "<h1>E-mail and SMS sends</h1>" in every.text
    assert "2 sends" in every.text and "gp@example.test" in every.text
    assert "far@example.test" not in every.text and "Maria" not in every.text  # not Provider B's; no message
    failed = browser.get("/app/admin/sends/?status=failed")
    assert "1 send" in failed.text and "gp@example.test" not in failed.text
    row = failed.text[failed.text.index("nurse@example.test"):]
    assert row.index("failed for good") < row.index("<td>4</td>") < row.index("mailbox unavailable")
    monkeypatch.setattr(sends, "PAGE_SIZE", 1)
    first = browser.get("/app/admin/sends/?status=sent")
    assert "Page 1 of 2" not in first.text  # the GP's one send only
    paged = browser.get("/app/admin/sends/")
    assert "Page 1 of 2" in paged.text and 'href="/app/admin/sends/?page=2"' in paged.text
    bad = browser.get("/app/admin/sends/?status=lost")
    assert bad.status_code == 422 and bad.text.count('aria-invalid="true"') == 1


def test_the_page_is_in_dutch_and_only_for_admins(web, world, failed_for_good):
    page = web(world.person("ada", "admin")).get("/app/admin/sends/?status=failed")
    assert page.status_code == 200 and '<html lang="nl">' in page.text
    assert "1 verzending" in page.text and "definitief mislukt" in page.text and "Reden van mislukking" in page.text
    for role, org in (("dietitian", "Provider A"), ("referrer", "Praktijk"), ("logistics", "Provider A")):
        assert web(world.person(f"x{role}", role, org)).get("/app/admin/sends/").status_code == 403, role
    assert web().get("/app/admin/sends/").status_code == 302
