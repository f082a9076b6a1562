"""Issue 21 follow-up: a refused import of a cofinancer's file is logged — in the audit log and
in the provider's import list (status refused, the reason's code) — though nothing of it is
written; the log names who, the agreement, the source, the file's checksum and row count and
the problems' codes, never a row or a pseudonym. The API keeps its English texts and adds the
codes, by which the web pages translate."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import func, select

from nutriplat.auth.models import AuditEntry
from nutriplat.indicators.models import ExternalFigure, ExternalImport, ExternalImportRefusal
from tests.api.test_indicators_external_sources import (
    HEADER,
    enrol,
    insurer_agreement,
    parties,
    pilot,
    pseudonym_of,
    upload,
)
from tests.api.test_reconciliation_differencing import csv

__all__ = ["insurer_agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def listed(http, who, agreement_id):
    return http.get(f"/api/v1/agreements/{agreement_id}/external-imports", headers=who.headers)


def test_a_file_breaking_the_layout_is_refused_with_codes_and_logged_without_its_rows(
        http, parties, pilot, insurer_agreement, uow):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    secret_row = f"{pseudonym_of(agreement_id, 3)},2026-13,beds,7"
    text = HEADER + f"{secret_row}\n{pseudonym_of(agreement_id, 4)},2026-08,admissions,1.5\n"
    refused = upload(http, admin, agreement_id, text, source="insurer")
    assert refused.status_code == 422
    assert refused.json["reason"] == "invalid_file"
    assert refused.json["errors"]["rows.2.month"] == ["Must be a month, YYYY-MM."]  # the English stays
    assert refused.json["reasons"] == {"rows.2.month": ["month_format"], "rows.2.measure": ["measure_not_counted"],
                                       "rows.3.value": ["value_whole"]}
    unknown = upload(http, admin, agreement_id, HEADER + f"{pseudonym_of(agreement_id, 3)},2026-08,admissions,1\n",
                     source="hospital")
    assert (unknown.status_code, unknown.json["reasons"]) == (422, {"source": ["source_unknown"]})
    entries = listed(http, admin, agreement_id).json
    assert [(e["status"], e["reason"], e["rows"], e["source"], e["id"]) for e in entries] == [
        ("refused", "invalid_file", 2, "insurer", None), ("refused", "invalid_file", 1, "hospital", None)]
    assert entries[0]["problems"] == {"month_format": 1, "measure_not_counted": 1, "value_whole": 1}
    assert entries[0]["checksum"] == hashlib.sha256(text.encode()).hexdigest()
    assert entries[0]["reason_text"] == "The file breaks the documented layout or the agreement's rules."
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(ExternalImport)) == 0
        assert uow.session.scalar(select(func.count()).select_from(ExternalFigure)) == 0
        logged = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "refuse_import")
                                     .order_by(AuditEntry.id)).all()
    assert [(e.user_id, e.organisation_id, e.detail["reason"], e.detail["rows"]) for e in logged] == [
        (admin.id, admin.organisation_id, "invalid_file", 2), (admin.id, admin.organisation_id, "invalid_file", 1)]
    assert logged[0].detail["agreement_id"] == agreement_id and logged[0].detail["checksum"] == entries[0]["checksum"]
    kept = json.dumps([e.detail for e in logged]) + json.dumps(entries)
    assert pseudonym_of(agreement_id, 3) not in kept and "beds" not in kept and "2026-13" not in kept
    # the cofinancer sees no import list, refused or not
    assert listed(http, funder, agreement_id).status_code == 403


def test_the_differencing_refusal_is_logged_and_listed_beside_the_import(http, parties, pilot, insurer_agreement,
                                                                         uow):
    admin = parties[0]
    agreement_id = insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    assert upload(http, admin, agreement_id, csv(agreement_id, range(10), range(5))).status_code == 201
    refused = upload(http, admin, agreement_id, csv(agreement_id, range(11), range(5)))
    assert refused.status_code == 409
    assert (refused.json["reason"], refused.json["reasons"]) == ("differencing", {"file": ["differencing_rows"]})
    assert refused.json["errors"]["file"][0].startswith("2026-08 admissions: 1 of its rows differ")
    again = upload(http, admin, agreement_id, csv(agreement_id, range(10), range(5)))
    assert (again.status_code, again.json["reason"]) == (409, "duplicate_file")
    entries = listed(http, admin, agreement_id).json
    assert [(e["status"], e["reason"], e["rows"]) for e in entries] == [
        ("imported", None, 15), ("refused", "differencing", 16), ("refused", "duplicate_file", 15)]
    assert entries[1]["problems"] == {"differencing_rows": 1} and entries[1]["refusal_id"] is not None
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(ExternalImportRefusal)) == 2
        assert uow.session.scalar(select(func.count()).select_from(ExternalImport)) == 1
        reasons = uow.session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "refuse_import")).all()
    assert sorted(d["reason"] for d in reasons) == ["differencing", "duplicate_file"]
