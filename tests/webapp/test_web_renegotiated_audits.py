"""The admin pages follow a renegotiated version: an audit rule and an external source that
only version 2 adds are offered on the measurement-audit and import pages, and the audit of
a period after the renegotiation waits in the named dietitian's list."""
from __future__ import annotations

import pytest

from nutriplat.indicators import pseudonyms
from tests.api.indicators_pilot import AGREEMENT, parties, pilot
from tests.api.test_indicators_external_sources import ED_VISITS, SECRET
from tests.api.test_renegotiated_audits_and_imports import accepted_agreement, changed, renegotiated_from_q3

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def test_what_only_a_later_version_audits_or_imports_is_offered_on_the_admin_pages(
        web, world, http, parties, pilot, monkeypatch):
    monkeypatch.setenv(pseudonyms.KEY_ENV, SECRET)
    admin, funder, _ = parties
    dirk = world.person("dirk", "dietitian")
    assert http.post("/api/v1/indicator-definitions", headers=admin.headers, json=ED_VISITS).status_code == 201
    agreement_id = accepted_agreement(http, admin, funder, AGREEMENT["indicators"])["id"]
    browser = web(admin)
    audits_page = f"/app/admin/agreements/{agreement_id}/measurement-audits"
    imports_page = f"/app/admin/agreements/{agreement_id}/external-imports"
    assert 'value="screening_coverage"' not in browser.get(audits_page).text
    assert 'value="insurer"' not in browser.get(imports_page).text
    renegotiated = [*changed(AGREEMENT["indicators"], "screening_coverage",
                           audit_rule={"sample_size": 4, "verified_by": dirk.id}),
                    {"code": "ed_visits_per_100", "data_source": "insurer"}]
    assert renegotiated_from_q3(http, admin, funder, agreement_id, renegotiated).status_code == 201
    assert 'value="screening_coverage"' in browser.get(audits_page).text
    assert 'value="insurer"' in browser.get(imports_page).text
    # version 1 audits nothing in Q2: the page names the indicator field
    before = browser.post(audits_page, {"indicator": "screening_coverage", "period": "2026Q2"})
    assert before.status_code == 422 and 'id="f-indicator"' in before.text
    drawn = browser.post(audits_page, {"indicator": "screening_coverage", "period": "2026Q3", "seed": "3"})
    assert drawn.status_code == 302, drawn.text
    waiting = web(dirk).get("/app/admin/measurement-audits")
    assert "screening_coverage · 2026Q3" in waiting.text and f'href="{drawn.headers["Location"]}"' in waiting.text
