"""Issue 21 follow-up: a cofinancer who hands in two files of a month one row apart must not
learn from the two reconciliation summaries whether that row is the provider's client. The
second file is refused (409, naming the month); a real correction of 5 rows or more passes."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from nutriplat.indicators.models import ExternalImport
from tests.api.test_indicators_external_sources import (
    HEADER,
    enrol,
    insurer_agreement,
    parties,
    pilot,
    pseudonym_of,
    upload,
)

__all__ = ["insurer_agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def csv(agreement_id: int, clients: range, unknown: range, value=lambda n: 1) -> str:
    rows = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,{value(n)}" for n in clients]
    rows += [f"{format(n, '02x') * 32},2026-08,admissions,1" for n in unknown]
    return HEADER + "\n".join(rows) + "\n"


def summary(http, who, agreement_id):
    return http.get(f"/api/v1/agreements/{agreement_id}/reconciliation", headers=who.headers).json


def test_two_files_one_row_apart_are_refused_whatever_that_rows_match(http, parties, pilot, insurer_agreement, uow):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    assert upload(http, admin, agreement_id, csv(agreement_id, range(10), range(5))).status_code == 201
    published = summary(http, funder, agreement_id)
    assert (published[0]["matched"], published[0]["unmatched"]) == (10, 5)
    # the same file plus one client's row, plus one unknown row, or with one value changed
    for attempt in (csv(agreement_id, range(11), range(5)), csv(agreement_id, range(10), range(6)),
                    csv(agreement_id, range(10), range(5), value=lambda n: 2 if n == 0 else 1)):
        refused = upload(http, admin, agreement_id, attempt)
        assert refused.status_code == 409, refused.json
        [reason] = refused.json["errors"]["file"]
        assert reason.startswith("2026-08 admissions: 1 of its rows differ from an earlier file's")
    # padded with four unknown rows, the client's row still moves a count by one
    padded = upload(http, admin, agreement_id, csv(agreement_id, range(11), range(9)))
    assert padded.status_code == 409 and "would move by 1 to 4" in padded.json["errors"]["file"][0]
    assert summary(http, funder, agreement_id) == published
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(ExternalImport)) == 1  # nothing written


def test_a_correction_of_five_rows_or_more_is_accepted_and_shown(http, parties, pilot, insurer_agreement):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    assert upload(http, admin, agreement_id, csv(agreement_id, range(10), range(5))).status_code == 201
    # five admissions withdrawn and five more rows the provider does not know
    corrected = upload(http, admin, agreement_id, csv(agreement_id, range(10), range(10), value=lambda n: int(n >= 5)))
    assert corrected.status_code == 201, corrected.json
    [august] = summary(http, funder, agreement_id)
    assert (august["rows"], august["matched"], august["unmatched"], august["differing"]) == (20, 10, 10, 5)
    # back to the first file plus one row: far from the latest, but one row from the first
    back = upload(http, admin, agreement_id, csv(agreement_id, range(10), range(6)))
    assert back.status_code == 409 and back.json["errors"]["file"][0].startswith("2026-08 admissions: 1 of its rows")
