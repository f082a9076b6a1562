"""Item 7 of issue 21, equity: every indicator broken down by the vulnerable segments of the
provider's voucher programmes, with the same small-cell suppression as every breakdown."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from nutriplat.billing.models import ClientBillingAttribute, Segment, VoucherProgramme
from nutriplat.indicators.disclosure import exposed
from tests.api.indicators_pilot import agreement, as_rows, parties, pilot, report

__all__ = ["agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
ALONE_POOR = range(11, 19)  # eight clients living alone on a low income; three of them screened


@pytest.fixture
def voucher_segment(parties, pilot, uow):
    admin, funder, _ = parties
    with uow:
        segment = Segment(organisation_id=admin.organisation_id, code="alone_low_income",
                          name="Living alone on a low income", attributes=["living_alone", "low_income"])
        uow.session.add(segment)
        uow.session.flush()
        uow.session.add(VoucherProgramme(organisation_id=admin.organisation_id, cofinancer_id=funder.organisation_id,
                                         segment_id=segment.id, name="Maaltijdcheque", voucher_value=Decimal("20.00"),
                                         valid_from=date(2026, 1, 1), valid_until=date(2027, 12, 31),
                                         budget_cap=Decimal("5000.00")))
        for n in ALONE_POOR:
            uow.session.add_all(ClientBillingAttribute(client_id=pilot[n], attribute=attribute,
                                                       valid_from=date(2026, 1, 1))
                                for attribute in ("living_alone", "low_income"))
        uow.commit()


def test_every_indicator_is_broken_down_by_segment_and_small_cells_are_suppressed(
        http, parties, voucher_segment, agreement):
    funder = parties[1]
    rows = report(http, funder, agreement["id"], period="2026Q3").json["rows"]
    q3 = [r for r in rows if r["period"] == "2026Q3"]
    by_segment = {(r["indicator"], r["disaggregation"]["segment"]): r for r in q3 if "segment" in r["disaggregation"]}
    assert {code for code, _ in by_segment} == {r["indicator"] for r in q3}
    # 3 of the 8 in the segment were screened: a small numerator, and its complement is hidden with it
    coverage = [by_segment[("screening_coverage", s)] for s in ("alone_low_income", "none")]
    assert all(r["suppressed"] and r["numerator"] is None and r["value"] is None for r in coverage)
    # € 100 a client-month for the eight: large enough to show
    cost = by_segment[("cost_per_client_month", "alone_low_income")]
    assert (cost["suppressed"], cost["value"]) == (False, 100.0)
    assert not exposed(as_rows({"rows": q3}))


def test_without_voucher_segments_there_is_no_segment_breakdown(http, parties, agreement):
    rows = report(http, parties[1], agreement["id"], period="2026Q3").json["rows"]
    assert not any("segment" in r["disaggregation"] for r in rows)
