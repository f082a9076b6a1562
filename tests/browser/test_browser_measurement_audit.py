"""The measurement audit on a provider admin's phone: the sample drawn, every sampled form
given a finding, and the agreement rate once recorded; each state checked against WCAG 2.1
AA (``axe``)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.api.indicators_pilot import parties, pilot
from tests.api.test_measurement_audits import audited

__all__ = ["audited", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
PHONE = {"width": 390, "height": 844}


def test_an_admin_draws_and_verifies_an_audit_sample_on_a_phone(page, sign_in, screenshot, axe, audited):
    page.set_viewport_size(PHONE)
    sign_in("ada")
    page.goto(f"/app/admin/agreements/{audited['id']}/measurement-audits")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meetaudits")
    axe(page)
    page.get_by_label("Indicator").select_option("screening_coverage")
    page.get_by_label("Periode", exact=False).first.fill("2026Q3")
    page.get_by_role("button", name="De steekproef trekken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meetaudit")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing wider than the phone
    axe(page)
    page.get_by_role("button", name="De bevindingen vastleggen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe(page)  # the sample with its errors
    for group in page.get_by_role("group", name="Bevinding").all():
        group.get_by_label("komt overeen met de bron").check()
    page.get_by_role("button", name="De bevindingen vastleggen").click()
    expect(page.get_by_text("De bevindingen zijn vastgelegd")).to_be_visible()
    screenshot(page, "measurement-audit")
    axe(page)
