"""The cofinancer's reconciliation page: its own figures beside the platform's per measure
and month, small cells shown as hidden, in both languages, and never a person."""
from __future__ import annotations

import pytest

from tests.api.indicators_pilot import NAMES, parties, pilot
from tests.api.test_indicators_external_sources import insurer_agreement, pseudonym_of, upload_seeded_months

__all__ = ["insurer_agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


@pytest.mark.parametrize("lang, words", [(None, ("Afstemming", "verborgen", "Verschil")),
                                         ("en-GB", ("Reconciliation", "hidden", "Difference"))])
def test_the_cofinancer_reads_the_reconciliation_in_their_language_without_a_person(
        http, web, parties, pilot, insurer_agreement, lang, words):
    admin, funder, other = parties
    agreement_id = insurer_agreement["id"]
    upload_seeded_months(http, admin, agreement_id, pilot)
    browser = web(funder, lang=lang)
    listed = browser.get("/app/cofinancer/agreements/")
    assert f"/app/cofinancer/agreements/{agreement_id}/reconciliation" in listed.text
    page = browser.get(f"/app/cofinancer/agreements/{agreement_id}/reconciliation")
    assert page.status_code == 200 and all(word in page.text for word in words)
    assert "<td>16</td>" in page.text and "<td>11</td>" in page.text  # August: rows and matched
    assert not any(name in page.text for name in NAMES) and pseudonym_of(agreement_id, 0) not in page.text
    assert web(other).get(f"/app/cofinancer/agreements/{agreement_id}/reconciliation").status_code == 404
