"""The provider admin's pages for an agreement's external data and measurement audits: a
CSV of the insurer's figures uploaded and reconciled row by row, and an audit sample drawn
and verified, in Dutch or English; a cofinancer reaches neither."""
from __future__ import annotations

import io

import pytest

from tests.api.indicators_pilot import parties, pilot
from tests.api.test_indicators_external_sources import HEADER, enrol, insurer_agreement, pseudonym_of
from tests.api.test_measurement_audits import audited

__all__ = ["audited", "insurer_agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def csv_file(text: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(text.encode()), "insurer-2026Q3.csv"


def test_the_admin_uploads_the_insurers_file_and_reads_its_reconciliation(web, parties, pilot, insurer_agreement,
                                                                          http):
    admin, funder, _ = parties
    agreement_id = insurer_agreement["id"]
    page = f"/app/admin/agreements/{agreement_id}/external-imports"
    browser = web(admin)
    shown = browser.get(page)
    assert shown.status_code == 200 and "Externe gegevens" in shown.text and "insurer" in shown.text
    no_file = browser.post(page, {"source": "insurer"})
    assert no_file.status_code == 422 and 'id="f-csv"' in no_file.text and "has-error" in no_file.text
    enrol(http, admin, agreement_id, pilot)
    bad_row = browser.post(page, {"source": "insurer", "csv": csv_file(HEADER + "x,2026-13,beds,1\n")})
    assert bad_row.status_code == 422 and all(f"f-rows-2-{part}" in bad_row.text for part in ("month", "measure"))
    # the refusal in Dutch, translated by its codes: the API's English carries values no catalogue matches
    assert "Het bestand volgt de beschreven opmaak" in bad_row.text
    assert "Regel 2, maand</a>: Moet een maand zijn, JJJJ-MM." in bad_row.text
    assert "Moet een meetgegeven zijn dat de overeenkomst uit deze bron telt: admissions" in bad_row.text
    rows = [f"{pseudonym_of(agreement_id, 0)},2026-08,admissions,1",  # the platform records none
            f"{pseudonym_of(agreement_id, 1)},2026-08,admissions,0", f"{'ab' * 32},2026-07,admissions,2"]
    done = browser.post(page, {"source": "insurer", "csv": csv_file(HEADER + "\n".join(rows) + "\n")})
    assert done.status_code == 302, done.text
    english = web(admin, lang="en-GB")
    report = english.get(done.headers["Location"])
    assert report.status_code == 200
    assert "Reconciliation" in report.text and "The platform records a different figure." in report.text
    assert "No client of the agreement has this pseudonym." in report.text and "Both agree." not in report.text
    assert "Both agree." in english.get(done.headers["Location"] + "?rows=all").text
    again = browser.post(page, {"source": "insurer", "csv": csv_file(HEADER + "\n".join(rows) + "\n")})
    assert again.status_code == 409  # the same file is imported once
    assert "Dit bestand werd al geïmporteerd." in again.text
    listed = browser.get(page).text
    assert "2026-08" in listed
    # both refusals are listed for the admin, with their reasons; no row of them is shown
    assert listed.count("<strong>geweigerd</strong>") == 2 and "ab" * 32 not in listed
    assert "Dit bestand werd al geïmporteerd." in listed and "Het bestand volgt de beschreven opmaak" in listed
    assert web(funder).get(page).status_code == 403
    assert web(funder).get(done.headers["Location"]).status_code == 403


def test_the_admin_draws_a_sample_and_a_second_person_records_the_findings(web, world, parties, audited):
    admin, funder, _ = parties
    page = f"/app/admin/agreements/{audited['id']}/measurement-audits"
    browser = web(admin, lang="en-GB")
    assert "Draw a sample" in browser.get(page).text
    refused = browser.post(page, {"indicator": "screening_coverage", "period": "2027Q1"})
    assert refused.status_code == 422 and "Only a closed period is audited." in refused.text
    assert "has-error" in refused.text
    drawn = browser.post(page, {"indicator": "screening_coverage", "period": "2026Q3", "seed": "7"})
    assert drawn.status_code == 302, drawn.text
    sample = browser.get(drawn.headers["Location"])
    assert sample.status_code == 200 and "screening form" in sample.text and "8 / 14" in sample.text
    incomplete = browser.post(drawn.headers["Location"], {"findings.0.agrees": "true"})
    assert incomplete.status_code == 422 and 'id="f-findings-1-agrees' in incomplete.text
    findings = {f"findings.{n}.agrees": "true" if n >= 2 else "false" for n in range(8)}
    verified = browser.post(drawn.headers["Location"], findings | {"findings.0.note": "form says low risk"})
    assert verified.status_code == 302, verified.text
    after = browser.get(drawn.headers["Location"])
    assert "75%" in after.text and "form says low risk" in after.text and "disabled" in after.text
    assert "<td>75%</td>" in browser.get(page).text
    assert web(funder).get(drawn.headers["Location"]).status_code == 403


def test_a_file_one_row_from_the_published_one_is_refused_on_the_page_naming_the_month(
        web, parties, pilot, insurer_agreement, http):
    admin = parties[0]
    agreement_id = insurer_agreement["id"]
    page = f"/app/admin/agreements/{agreement_id}/external-imports"
    enrol(http, admin, agreement_id, pilot)
    rows = [f"{pseudonym_of(agreement_id, n)},2026-08,admissions,1" for n in range(10)]
    browser = web(admin, lang="en-GB")
    first = browser.post(page, {"source": "insurer", "csv": csv_file(HEADER + "\n".join(rows) + "\n")})
    assert first.status_code == 302, first.text
    rows.append(f"{pseudonym_of(agreement_id, 10)},2026-08,admissions,1")
    refused = browser.post(page, {"source": "insurer", "csv": csv_file(HEADER + "\n".join(rows) + "\n")})
    assert refused.status_code == 409 and "error-summary" in refused.text
    assert "CSV file</a>: 2026-08 admissions: 1 of its rows differ from an earlier file" in refused.text
    dutch = web(admin, lang="nl-BE").post(page, {"source": "insurer",
                                                 "csv": csv_file(HEADER + "\n".join(rows) + "\n")})
    assert dutch.status_code == 409 and "met te weinig rijen veranderen; er werd niets opgeslagen." in dutch.text
    assert ("CSV-bestand</a>: 2026-08 admissions: 1 van de rijen verschillen van die van een eerder bestand"
            in dutch.text)


def test_a_dietitian_named_as_verifier_finds_the_audit_in_her_menu_and_records_the_findings(
        web, world, http, parties, pilot):
    admin, funder, _ = parties
    from tests.api.indicators_pilot import AGREEMENT, accept
    dirk = world.person("dirk", "dietitian")
    rule = {"sample_size": 4, "verified_by": dirk.id}
    indicators = [item | {"audit_rule": rule} if item["code"] == "screening_coverage" else item
                  for item in AGREEMENT["indicators"]]
    made = http.post("/api/v1/agreements", headers=admin.headers,
                     json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    agreement = accept(http, admin, funder, made.json["id"])
    browser = web(dirk)
    assert "Geen enkele audit wacht op uw bevindingen." in browser.get("/app/admin/measurement-audits").text
    drawn = http.post(f"/api/v1/agreements/{agreement['id']}/measurement-audits", headers=admin.headers,
                      json={"indicator": "screening_coverage", "period": "2026Q3", "seed": 3}).json
    waiting = browser.get("/app/admin/measurement-audits")
    assert "Te controleren audits" in waiting.text and "screening_coverage · 2026Q3" in waiting.text
    page = f"/app/admin/measurement-audits/{drawn['id']}"
    assert f'href="{page}"' in waiting.text
    shown = browser.get(page)
    assert shown.status_code == 200 and "Ondervoeding Roeselare" in shown.text and "disabled" not in shown.text
    verified = browser.post(page, {f"findings.{n}.agrees": "true" for n in range(4)})
    assert verified.status_code == 302, verified.text
    assert "disabled" in browser.get(page).text
    assert "Geen enkele audit wacht" in browser.get("/app/admin/measurement-audits").text
    # the admin reads the sample the dietitian verifies, but records nothing on it
    assert "De auditregel wijst iemand anders aan" not in web(admin).get(page).text  # verified: read-only anyway
    assert browser.get(f"/app/admin/agreements/{agreement['id']}/measurement-audits").status_code == 403
