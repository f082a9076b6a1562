"""The checks an indicator definition passes before it is stored, without a database."""
from __future__ import annotations

from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.definition_rules import breakdown_error, definition_errors


def test_every_built_in_definition_is_sound():
    for spec in STARTER_SET:
        assert definition_errors(spec) == {}, spec["code"]


def test_each_problem_is_named_by_its_part_all_at_once():
    errors = definition_errors({
        "code": "x", "type": "process", "dimension": "equity", "period_type": "week", "multiplier": "-1",
        "numerator": {"aggregate": "sum", "of": "os.system", "where": "screened"}, "denominator": None,
        "disaggregations": ["sex", "name"]})
    assert set(errors) == {"code", "period_type", "multiplier", "numerator.of", "numerator.where", "denominator",
                           "disaggregations.1"}


def test_a_breakdown_only_some_clients_have_is_safe_only_over_those_clients():
    screened = {"aggregate": "count", "where": ["screened"]}
    assert breakdown_error("instrument", {"aggregate": "count", "where": ["screened", "at_risk"]}, screened) is None
    assert "cannot be suppressed safely" in breakdown_error("instrument", {"aggregate": "count"}, screened)
    assert breakdown_error("sex", {"aggregate": "count"}, {"aggregate": "count"}) is None
