"""Indicators as data: an admin adds one without a code change, a malformed one is refused
before it is stored naming the part, and a definition given as data computes exactly what
the built-in definition it copies computes."""
from __future__ import annotations

import pytest

from nutriplat.indicators.catalogue import STARTER_SET
from tests.api.indicators_pilot import AGREEMENT, parties, pilot, report

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")

PATH = "/api/v1/indicator-definitions"
WEIGHED_SHARE = {
    "code": "weighed_share", "name": "Clients weighed", "definition": "Share of the cohort weighed in the period.",
    "type": "process", "dimension": "health", "numerator": {"aggregate": "count", "where": ["weighed"]},
    "denominator": {"aggregate": "count"}, "disaggregations": ["sex", "age_band"]}


def as_data(spec, code):
    """A built-in definition, posted as data under another code."""
    fields = ("name", "definition", "type", "dimension", "numerator", "denominator", "multiplier", "unit",
              "decimals", "higher_is_better", "period_type", "disaggregations")
    return {"code": code, **{name: spec[name] for name in fields}}


def test_an_admin_adds_an_indicator_as_data_and_both_lists_show_it_beside_the_built_in_ones(http, parties):
    admin, funder, _ = parties
    made = http.post(PATH, headers=admin.headers, json=WEIGHED_SHARE)
    assert made.status_code == 201, made.json
    assert (made.json["code"], made.json["version"], made.json["built_in"]) == ("weighed_share", 1, False)
    again = http.post(PATH, headers=admin.headers, json=WEIGHED_SHARE | {"name": "Clients weighed (v2)"})
    assert again.json["version"] == 2  # a stored version never changes: a new meaning is a new version
    listed = http.get(PATH, headers=admin.headers).json
    assert sum(d["built_in"] for d in listed) == 13
    assert [(d["code"], d["version"]) for d in listed if not d["built_in"]] == [("weighed_share", 1),
                                                                                 ("weighed_share", 2)]
    assert http.post(PATH, headers=funder.headers, json=WEIGHED_SHARE).status_code == 403


@pytest.mark.parametrize(("change", "part"), [
    ({"numerator": {"aggregate": "sum", "of": "happiness"}}, "numerator.of"),
    ({"numerator": {"aggregate": "count", "where": ["rich"]}}, "numerator.where.0"),
    ({"denominator": None}, "denominator"),
    ({"numerator": {"aggregate": "median", "of": "meals"}}, "numerator.aggregate"),
    ({"numerator": {"aggregate": "count", "where": ["weighed"], "eval": "__import__('os')"}}, "numerator.eval"),
    ({"disaggregations": ["postal_code"]}, "disaggregations.0"),
    ({"disaggregations": ["sex", "instrument"]}, "disaggregations.1"),  # only screened clients have one
    ({"dimension": "happiness"}, "dimension"),
    ({"code": "Weighed Share!"}, "code"),
])
def test_a_malformed_definition_is_refused_naming_the_part_and_nothing_is_stored(http, parties, change, part):
    admin = parties[0]
    refused = http.post(PATH, headers=admin.headers, json=WEIGHED_SHARE | change)
    assert refused.status_code == 422, refused.json
    assert part in refused.json["errors"]
    assert [d for d in http.get(PATH, headers=admin.headers).json if not d["built_in"]] == []


def test_a_built_in_code_or_another_providers_code_is_not_taken_over(http, parties, world):
    admin = parties[0]
    taken = http.post(PATH, headers=admin.headers, json=WEIGHED_SHARE | {"code": "screening_coverage"})
    assert taken.status_code == 409 and "code" in taken.json["errors"]
    assert http.post(PATH, headers=admin.headers, json=WEIGHED_SHARE).status_code == 201
    rival = world.person("rita", "admin", organisation="Other provider")
    assert http.post(PATH, headers=rival.headers, json=WEIGHED_SHARE).status_code == 409
    assert not any(d["code"] == "weighed_share" for d in http.get(PATH, headers=rival.headers).json)


def test_every_built_in_definition_given_as_data_computes_the_same_numbers(http, parties, pilot):
    admin, funder, _ = parties
    copies = [setup_definition(http, admin, as_data(spec, f"data_{spec['code']}")) for spec in STARTER_SET]
    built_in = [{"code": spec["code"]} for spec in STARTER_SET]
    as_rows = [{"code": copy["code"]} for copy in copies]
    ids = {}
    for name, indicators in (("built in", built_in), ("as data", as_rows)):
        made = http.post("/api/v1/agreements", headers=admin.headers, json=AGREEMENT | {
            "cofinancer_id": funder.organisation_id, "name": name, "indicators": indicators, "payment_rules": []})
        assert made.status_code == 201, made.json
        ids[name] = made.json["id"]
    for period in ("2026Q2", "2026Q3"):
        expected = report(http, funder, ids["built in"], period=period).json["rows"]
        found = report(http, funder, ids["as data"], period=period).json["rows"]
        assert len(found) == len(expected) > 0
        for row, twin in zip(found, expected, strict=True):
            assert row | {"indicator": twin["indicator"]} == twin


def setup_definition(http, who, body):
    made = http.post(PATH, headers=who.headers, json=body)
    assert made.status_code == 201, made.json
    return made.json
