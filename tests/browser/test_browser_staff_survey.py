"""The staff survey on a driver's phone: the form, its errors named next to each question,
and the thanks once sent; each state checked against WCAG 2.1 AA (``axe``)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.business_day("2026-12-07")
PHONE = {"width": 390, "height": 844}


def test_a_driver_answers_the_staff_survey_on_a_phone(page, sign_in, screenshot, axe, world):
    world.person("dirk", "logistics")
    page.set_viewport_size(PHONE)
    sign_in("dirk")
    page.goto("/app/staff/survey")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Personeelsbevraging")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing wider than the phone
    axe(page)
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe(page)  # the form with its errors
    page.get_by_label("chauffeur").check()
    for group in page.get_by_role("group").all()[1:]:
        group.get_by_label("4").check()
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(page.get_by_text("Bedankt: uw antwoorden voor 2026Q4 zijn binnen.")).to_be_visible()
    screenshot(page, "staff-survey")
    axe(page)
