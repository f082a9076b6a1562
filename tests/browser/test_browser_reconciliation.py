"""The reconciliation summary on a cofinancer's phone: per measure and month, small cells
shown as hidden, nothing wider than the screen, WCAG 2.1 AA (``axe``), in Dutch and English."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.api.indicators_pilot import parties, pilot
from tests.api.test_indicators_external_sources import insurer_agreement, upload_seeded_months

__all__ = ["insurer_agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
PHONE = {"width": 390, "height": 844}


def test_a_cofinancer_reads_the_reconciliation_on_a_phone(page, sign_in, screenshot, axe, http, parties, pilot,
                                                         insurer_agreement):
    upload_seeded_months(http, parties[0], insurer_agreement["id"], pilot)
    page.set_viewport_size(PHONE)
    sign_in("els")
    page.goto(f"/app/cofinancer/agreements/{insurer_agreement['id']}/reconciliation")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afstemming")
    expect(page.get_by_text("verborgen").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe(page)
    screenshot(page, "cofinancer-reconciliation")
    page.goto("/app/account")
    page.get_by_label("Taal", exact=False).first.select_option("en-GB")
    page.get_by_role("button").last.click()
    page.goto(f"/app/cofinancer/agreements/{insurer_agreement['id']}/reconciliation")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Reconciliation")
    axe(page)
