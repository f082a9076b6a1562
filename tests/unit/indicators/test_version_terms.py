"""A version's terms: the checksum covers every term the parties negotiate, and the changes
against the previous version are named part by part."""
from __future__ import annotations

import copy

import pytest

from nutriplat.indicators.version_changes import Change, changes
from nutriplat.indicators.versions import checksum, full_terms, indicator_terms

MEASUREMENT = {"instrument": "MUST", "measured_by": "dietitian", "data_source": "nutriplat", "frequency": "quarter",
               "audit_rule": {"sample_size": 10, "verified_by": 4, "min_agreement_rate": "0.9"}}
TERMS = full_terms(
    [indicator_terms("screening_coverage", 1, None, MEASUREMENT),
     indicator_terms("hospital_admissions", 1, None, MEASUREMENT | {"data_source": "insurer", "audit_rule": None})],
    {"conditions_any": ["parkinson"]},
    [{"name": "Screened", "aim": "health", "objectives": [{"name": "All", "indicators": ["screening_coverage"]}]}],
    [{"position": 1, "kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                                     "clawback": "0.00"}}])


def _set(path, value):
    def change(terms):
        *parents, last = path
        for key in parents:
            terms = terms[key]
        terms[last] = value
    return change


EVERY_TERM = {
    "definition version": _set(("indicators", 0, "version"), 2),
    "target": _set(("indicators", 0, "target"), "70"),
    "instrument": _set(("indicators", 0, "instrument"), "MNA-SF"),
    "who measures": _set(("indicators", 0, "measured_by"), "nurse"),
    "data source": _set(("indicators", 1, "data_source"), "nutriplat"),
    "frequency": _set(("indicators", 0, "frequency"), "month"),
    "audit sample": _set(("indicators", 0, "audit_rule", "sample_size"), 11),
    "conditional on the audit": _set(("indicators", 0, "audit_rule", "min_agreement_rate"), None),
    "indicator removed": lambda terms: terms["indicators"].pop(),
    "cohort": _set(("cohort", "max_age"), 80),
    "outcomes": _set(("outcomes", 0, "aim"), "experience"),
    "payment parameter": _set(("payment_rules", 0, "params", "bonus"), "2500.01"),
    "payment model": _set(("payment_rules", 0, "kind"), "per_client_outcome"),
}


@pytest.mark.parametrize("change", EVERY_TERM.values(), ids=EVERY_TERM.keys())
def test_the_checksum_changes_when_any_term_changes(change):
    changed = copy.deepcopy(TERMS)
    change(changed)
    assert checksum(changed) != checksum(TERMS)
    assert checksum(copy.deepcopy(TERMS)) == checksum(TERMS)


def test_the_changes_against_the_previous_version_are_named_part_by_part():
    after = copy.deepcopy(TERMS)
    after["indicators"][0]["measured_by"] = "nurse"
    after["indicators"].pop()
    after["indicators"].append(indicator_terms("at_risk_share", 1, None, MEASUREMENT | {"audit_rule": None}))
    after["cohort"] = {}
    after["payment_rules"][0]["params"]["bonus"] = "3000.00"
    found = changes(TERMS, after)
    assert [c.part for c in found] == ["indicators.screening_coverage.measured_by", "indicators.hospital_admissions",
                                       "indicators.at_risk_share", "cohort", "payment_rules.1"]
    assert found[0] == Change("indicators.screening_coverage.measured_by", "dietitian", "nurse")
    assert found[1].after is None and found[2].before is None  # removed, added
    assert found[4].after == "threshold: indicator screening_coverage, bonus 3000.00, clawback 0.00"
    assert changes(TERMS, copy.deepcopy(TERMS)) == []
