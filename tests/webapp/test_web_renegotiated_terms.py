"""The cofinancer reads a renegotiated version in the web app before accepting it: every
part of the terms (indicators and how each is measured, cohort, outcomes, payment rules)
and what it changes against the version before."""
from __future__ import annotations

from datetime import date

import pytest

from nutriplat.auth.actor import Actor
from nutriplat.indicators import agreements, lifecycle, renegotiation

pytestmark = pytest.mark.business_day("2026-12-07")


@pytest.fixture
def renegotiated(world, uow):
    ada = world.person("ada", "admin")
    els = world.person("els", "cofinancer", organisation="Regionaal Zorgfonds")
    provider = Actor(ada.id, "ada", "admin", ada.organisation_id)
    made = agreements.create_agreement(uow, provider, {
        "cofinancer_id": els.organisation_id, "name": "Ondervoeding Roeselare", "cohort": {"max_age": 90},
        "starts_on": date(2026, 4, 1), "ends_on": date(2027, 3, 31), "baseline_period": "2026Q2",
        "settlement_period": "quarter",
        "indicators": [{"code": "screening_coverage", "target": 70, "instrument": "MUST", "measured_by": "dietitian",
                        "audit_rule": {"sample_size": 10, "verified_by": ada.id, "min_agreement_rate": None}},
                       {"code": "mean_weight_change", "target": 0}],
        "payment_rules": [{"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                                           "clawback": "0.00"}}]})
    lifecycle.propose(uow, provider, made.id)
    lifecycle.accept(uow, Actor(els.id, "els", "cofinancer", els.organisation_id), made.id, 1, None)
    renegotiation.renegotiate(uow, provider, made.id, {
        "effective_from": "2026Q4", "cohort": {"max_age": 85},
        "indicators": [{"code": "screening_coverage", "target": 75, "instrument": "MUST", "measured_by": "nurse",
                        "audit_rule": {"sample_size": 10, "verified_by": ada.id, "min_agreement_rate": "0.9"}},
                       {"code": "at_risk_share", "target": 40, "data_source": "nutriplat"}]})
    lifecycle.propose(uow, provider, made.id)
    return els, made.id


@pytest.mark.parametrize("lang", ["nl-BE", "en-GB"])
def test_the_terms_page_shows_every_part_of_the_new_version_and_what_it_changes(web, renegotiated, lang):
    els, agreement_id = renegotiated
    page = web(els, lang=lang).get(f"/app/cofinancer/agreements/{agreement_id}/terms")
    assert page.status_code == 200 and f'<html lang="{lang[:2]}">' in page.text
    text = page.text
    for part in ("indicators.screening_coverage.measured_by", "indicators.screening_coverage.target",
                 "indicators.mean_weight_change", "indicators.at_risk_share", "<code>cohort</code>"):
        assert part in text, part
    assert "at_risk_share" in text and "nurse" in text and "0.9" in text and "max_age: 85" in text
    changes = "Changes since version 1" if lang == "en-GB" else "Wijzigingen sinds versie 1"
    assert changes in text
