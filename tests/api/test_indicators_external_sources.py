"""Item 3 of issue 21: a cofinancer's figures (hospital admissions from the insurer) imported
as CSV, matched to the provider's clients by keyed-hash pseudonym, reconciled row by row,
and counted where the agreement names the insurer as the indicator's data source."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.indicators import pseudonyms
from nutriplat.indicators.models import ClientPseudonym, ExternalFigure, ExternalImport
from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot, report

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
SECRET = "agreed-out-of-band-test-secret"
HEADER = "pseudonym,month,measure,value\n"


def national_number(n: int) -> str:
    """A valid Belgian national register number for someone born in 1940 (pilot client n)."""
    body = int(f"{40 + n:02d}0101{n + 1:03d}")
    return f"{body:09d}{97 - body % 97:02d}"


@pytest.fixture
def insurer_agreement(http, parties, pilot, monkeypatch):
    """The pilot's agreement with hospital admissions counted from the insurer's figures."""
    monkeypatch.setenv(pseudonyms.KEY_ENV, SECRET)
    admin, funder, _ = parties
    indicators = [item | {"data_source": "insurer", "instrument": "claims: hospital stays"}
                  if item["code"] == "hospital_admissions" else item for item in AGREEMENT["indicators"]]
    created = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert created.status_code == 201, created.json
    return accept(http, admin, funder, created.json["id"])


def pseudonym_of(agreement_id: int, n: int) -> str:
    """What the insurer computes with the agreement's key."""
    key = pseudonyms.agreement_key(SECRET.encode(), agreement_id)
    return pseudonyms.pseudonym(key, national_number(n))


def enrol(http, admin, agreement_id, pilot, people=None):
    people = people or [{"client_id": client_id, "national_number": national_number(n)}
                        for n, client_id in enumerate(pilot)]
    return http.post(f"/api/v1/agreements/{agreement_id}/pseudonyms", headers=admin.headers,
                     json={"people": people})


def upload(http, admin, agreement_id, text, source="insurer"):
    return http.post(f"/api/v1/agreements/{agreement_id}/external-imports", headers=admin.headers,
                     json={"source": source, "csv": text})


def test_only_the_keyed_hash_of_the_national_number_is_stored(http, parties, pilot, insurer_agreement, uow):
    admin = parties[0]
    bad = enrol(http, admin, insurer_agreement["id"], pilot, [
        {"client_id": pilot[0], "national_number": "40.01.01-001.00"},
        {"client_id": 999_999, "national_number": national_number(1)}])
    assert bad.status_code == 422
    assert set(bad.json["errors"]) == {"people.0.national_number", "people.1.client_id"}
    assert enrol(http, admin, insurer_agreement["id"], pilot).json == {"stored": len(pilot)}
    with uow:
        stored = uow.session.scalars(select(ClientPseudonym)).all()
    assert {row.pseudonym for row in stored} == {pseudonym_of(insurer_agreement["id"], n) for n in range(len(pilot))}
    numbers = {national_number(n) for n in range(len(pilot))}
    assert not any(number in str(vars(row)) for row in stored for number in numbers)


def test_a_file_with_bad_rows_is_refused_naming_every_row_and_nothing_is_written(
        http, parties, pilot, insurer_agreement, uow):
    admin, agreement_id = parties[0], insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    good = pseudonym_of(agreement_id, 0)
    text = HEADER + f"{good},2026-07,admissions,1\n{good},2026-13,admissions,1\nnot-a-hash,2026-08,admissions,1.5\n" \
        f"{good},2026-08,beds,2\n{good},2026-07,admissions,0\n{good},2030-01,admissions,1\n"
    refused = upload(http, admin, agreement_id, text)
    assert refused.status_code == 422
    assert set(refused.json["errors"]) == {"rows.3.month", "rows.4.pseudonym", "rows.4.value", "rows.5.measure",
                                           "rows.6.pseudonym", "rows.7.month"}
    elsewhere = upload(http, admin, agreement_id, HEADER + f"{good},2026-07,admissions,1\n", source="hospital")
    assert elsewhere.json["errors"] == {"source": ["Must be a data source the agreement names: insurer."]}
    with uow:
        assert uow.session.scalars(select(ExternalImport)).all() == []
        assert uow.session.scalars(select(ExternalFigure)).all() == []


def test_the_reconciliation_finds_the_seeded_disagreement_and_the_insurers_figures_count(
        http, parties, pilot, insurer_agreement):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    before = report(http, funder, agreement_id, period="2026Q3").json["rows"]
    admissions = [r for r in before if r["indicator"] == "hospital_admissions" and r["period"] == "2026Q3"]
    assert admissions and all(r["no_data"] == "no figures from insurer for 2026-07, 2026-08, 2026-09"
                              for r in admissions)
    # clients 17 and 18 share a national number by a registration mistake: their rows are ambiguous
    people = [{"client_id": c, "national_number": national_number(17 if n == 18 else n)} for n, c in enumerate(pilot)]
    assert enrol(http, admin, agreement_id, pilot, people).status_code == 200
    rows = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,1" for n in range(6)]  # the seeded disagreement
    rows += [f"{pseudonym_of(agreement_id, n)},{month},admissions,0"
             for n in (6, 7) for month in ("2026-07", "2026-09")]
    rows += [f"{'ab' * 32},2026-07,admissions,2", f"{pseudonym_of(agreement_id, 17)},2026-09,admissions,1"]
    imported = upload(http, admin, agreement_id, HEADER + "\n".join(rows) + "\n")
    assert imported.status_code == 201, imported.json
    assert imported.json["summary"] == {"rows": 12, "matched": 10, "unmatched": 1, "ambiguous": 1, "differing": 6}
    by_line = {row["line"]: row for row in imported.json["report"]}
    assert (by_line[2]["status"], by_line[2]["source_value"], by_line[2]["platform_value"],
            by_line[2]["reason"]) == ("matched", "1", "0", "The platform records a different figure.")
    assert (by_line[8]["status"], by_line[8]["reason"]) == ("matched", "Both agree.")
    assert (by_line[12]["status"], by_line[12]["reason"]) == ("unmatched", "No client of the agreement has this "
                                                             "pseudonym.")
    assert (by_line[13]["status"], by_line[13]["reason"]) == ("ambiguous", "2 clients share this pseudonym.")
    assert upload(http, admin, agreement_id, HEADER + "\n".join(rows) + "\n").status_code == 409  # same file
    # the frozen Q3 report is made again with the insurer's six admissions
    total = next(r for r in report(http, funder, agreement_id, period="2026Q3").json["rows"]
                 if r["indicator"] == "hospital_admissions" and r["period"] == "2026Q3" and not r["disaggregation"])
    assert (total["numerator"], total["no_data"]) == (6.0, None)
    listed = http.get(f"/api/v1/agreements/{agreement_id}/external-imports", headers=admin.headers).json
    assert [item["summary"]["differing"] for item in listed if item["status"] == "imported"] == [6]
    assert "report" not in listed[0]
    # the same file again was refused: listed with its reason, no row of it kept
    assert [(item["status"], item["reason"], item["rows"]) for item in listed] == [
        ("imported", None, 12), ("refused", "duplicate_file", 12)]


def test_cofinancers_never_see_the_per_row_report(http, parties, pilot, insurer_agreement):
    admin, funder, _ = parties
    enrol(http, admin, insurer_agreement["id"], pilot)
    imported = upload(http, admin, insurer_agreement["id"],
                      HEADER + f"{pseudonym_of(insurer_agreement['id'], 0)},2026-07,admissions,0\n")
    assert http.get(f"/api/v1/external-imports/{imported.json['id']}", headers=funder.headers).status_code == 403
    assert upload(http, funder, insurer_agreement["id"], HEADER).status_code == 403
    assert http.get(f"/api/v1/external-imports/{imported.json['id']}",
                    headers=admin.headers).json["report"][0]["status"] == "matched"


def test_a_frozen_period_whose_records_changed_since_refuses_the_file(http, parties, pilot, insurer_agreement, uow):
    from datetime import UTC, datetime

    from nutriplat.clients.models import Measurement

    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    report(http, funder, agreement_id, period="2026Q3")  # Q3 is frozen as it is now
    with uow:  # a weighing entered late: remade, Q3's weight change would show another number
        uow.session.add(Measurement(client_id=pilot[0], type="weight_kg", value=50.0,
                                    measured_at=datetime(2026, 9, 28, 9, tzinfo=UTC)))
        uow.commit()
    enrol(http, admin, agreement_id, pilot)
    refused = upload(http, admin, agreement_id, HEADER + "\n".join(
        f"{pseudonym_of(agreement_id, n)},2026-08,admissions,1" for n in range(6)) + "\n")
    assert refused.status_code == 409 and "file" in refused.json["errors"]
    with uow:
        assert uow.session.scalars(select(ExternalImport)).all() == []
        assert uow.session.scalars(select(ExternalFigure)).all() == []


ED_VISITS = {
    "code": "ed_visits_per_100", "name": "Emergency department visits", "type": "outcome", "dimension": "cost",
    "definition": "Emergency department visits per 100 client-months, as the insurer counts them.",
    "numerator": {"aggregate": "sum", "of": "ed_visits"}, "denominator": {"aggregate": "sum", "of": "client_months"},
    "multiplier": "100", "decimals": 2, "unit": "per 100 client-months", "higher_is_better": False,
    "period_type": "month", "disaggregations": []}


@pytest.fixture
def ed_agreement(http, parties, pilot, monkeypatch):
    """The pilot's agreement with ED visits (a measure only the insurer has) and hospital
    admissions both counted from the insurer's figures."""
    monkeypatch.setenv(pseudonyms.KEY_ENV, SECRET)
    admin, funder, _ = parties
    assert http.post("/api/v1/indicator-definitions", headers=admin.headers, json=ED_VISITS).status_code == 201
    indicators = [item | {"data_source": "insurer"} if item["code"] == "hospital_admissions" else item
                  for item in AGREEMENT["indicators"]] + [{"code": "ed_visits_per_100", "data_source": "insurer"}]
    created = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert created.status_code == 201, created.json
    return accept(http, admin, funder, created.json["id"])


def total_of(http, who, agreement_id, code, period="2026Q3"):
    return next(r for r in report(http, who, agreement_id, period=period).json["rows"]
                if r["indicator"] == code and r["period"] == period and not r["disaggregation"])


def test_a_file_carries_every_measure_the_indicators_counted_from_its_source_read(
        http, parties, pilot, ed_agreement):
    admin, funder, _ = parties
    agreement_id = ed_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    assert total_of(http, funder, agreement_id, "ed_visits_per_100")["value"] is None  # never a 0
    # meals are read by no indicator counted from the insurer; client_months by ed_visits_per_100
    refused = upload(http, admin, agreement_id, HEADER + f"{pseudonym_of(agreement_id, 0)},2026-07,meals,3\n")
    assert refused.status_code == 422
    assert refused.json["errors"] == {"rows.2.measure": [
        "Must be a measure the agreement counts from this source: admissions, client_months, ed_visits."]}
    rows = [f"{pseudonym_of(agreement_id, n)},{month},ed_visits,{1 if n < 8 and month == '2026-08' else 0}"
            for n in range(len(pilot)) for month in ("2026-07", "2026-08", "2026-09")]
    rows += [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,0" for n in range(len(pilot))]
    imported = upload(http, admin, agreement_id, HEADER + "\n".join(rows) + "\n")
    assert imported.status_code == 201, imported.json
    ed_row = next(r for r in imported.json["report"] if r["measure"] == "ed_visits")
    assert (ed_row["platform_value"], ed_row["differs"], ed_row["reason"]) == (
        None, None, "The platform records no such figure: the source's counts.")
    assert imported.json["summary"]["differing"] == 0
    ed = total_of(http, funder, agreement_id, "ed_visits_per_100")
    assert (ed["numerator"], ed["no_data"]) == (8.0, None)


def upload_seeded_months(http, admin, agreement_id, pilot):
    enrol(http, admin, agreement_id, pilot)
    # August: 11 clients matched, 6 of them admitted by the insurer's count (0 on the platform), 5 unknown rows
    rows = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,{1 if n < 6 else 0}" for n in range(11)]
    rows += [f"{format(n, '02x') * 32},2026-08,admissions,1" for n in range(5)]
    # September: three rows, all matched, one differing: nothing about them may show
    rows += [f"{pseudonym_of(agreement_id, n)},2026-09,admissions,{int(n == 0)}" for n in range(3)]
    assert upload(http, admin, agreement_id, HEADER + "\n".join(rows) + "\n").status_code == 201


def test_the_cofinancer_sees_the_reconciliation_per_measure_and_month_with_small_cells_hidden(
        http, parties, pilot, insurer_agreement):
    admin, funder, other = parties
    agreement_id = insurer_agreement["id"]
    upload_seeded_months(http, admin, agreement_id, pilot)
    path = f"/api/v1/agreements/{agreement_id}/reconciliation"
    seen = http.get(path, headers=funder.headers)
    assert seen.status_code == 200, seen.json
    assert seen.json == [
        {"source": "insurer", "measure": "admissions", "month": "2026-08", "rows": 16, "matched": 11,
         "unmatched": 5, "ambiguous": 0, "differing": 6, "difference": "6", "suppressed": []},
        {"source": "insurer", "measure": "admissions", "month": "2026-09", "rows": 3, "matched": None,
         "unmatched": None, "ambiguous": None, "differing": None, "difference": None,
         "suppressed": ["ambiguous", "difference", "differing", "matched", "unmatched"]}]
    # a person-level figure never reaches the cofinancer: no pseudonym, client or row value
    text = seen.get_data(as_text=True)
    assert "client_id" not in text and "pseudonym" not in text and pseudonym_of(agreement_id, 0) not in text
    assert http.get(path, headers=admin.headers).json == seen.json
    assert http.get(path, headers=other.headers).status_code == 404


def test_a_later_file_of_a_month_replaces_it_in_the_summary_too(http, parties, pilot, insurer_agreement):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    enrol(http, admin, agreement_id, pilot)
    first = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,1" for n in range(10)]
    assert upload(http, admin, agreement_id, HEADER + "\n".join(first) + "\n").status_code == 201
    second = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,{int(n < 5)}" for n in range(10)]
    second += [f"{format(n, '02x') * 32},2026-08,admissions,0" for n in range(5)]
    assert upload(http, admin, agreement_id, HEADER + "\n".join(second) + "\n").status_code == 201
    [august] = http.get(f"/api/v1/agreements/{agreement_id}/reconciliation", headers=funder.headers).json
    assert (august["rows"], august["matched"], august["differing"], august["difference"]) == (15, 10, 5, "5")
