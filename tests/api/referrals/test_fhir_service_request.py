"""Issue 19 item 2: a hospital's discharge office sends a referral as a FHIR R4
ServiceRequest; it becomes the same referral as the API's, readable back as a
ServiceRequest and a Task, and an invalid resource is refused with an OperationOutcome
that names each problem. Every resource sent or served is validated with fhir.resources."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from tests.setup_calls import setup
from tools import fhir_examples

FHIR = "application/fhir+json"
DOCS = Path(__file__).parents[3] / "docs" / "fhir"


def discharge_request(provider_id: int) -> dict:
    """What AZ Delta's discharge office sends (docs/fhir/service-request.json)."""
    return fhir_examples.service_request(provider_id)


def post(http, person, resource, content_type=FHIR):  # type: ignore[no-untyped-def]
    return http.post("/fhir/ServiceRequest", data=json.dumps(resource), content_type=content_type,
                     headers=person.headers)


def test_a_fhir_service_request_becomes_a_referral_and_after_accept_a_client(http, discharge, lien, provider_a):
    response = post(http, discharge, discharge_request(provider_a))
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.mimetype == FHIR
    stored = ServiceRequest.model_validate(response.json)
    assert response.headers["Location"] == f"/fhir/ServiceRequest/{stored.id}"
    assert (stored.status, stored.priority) == ("active", "urgent")

    inbox = setup(http.get("/api/v1/referrals", headers=lien.headers))
    [referral] = [r for r in inbox if str(r["id"]) == stored.id]
    assert referral["source"] == "fhir" and referral["urgency"] == "soon"
    assert referral["reason"] == ("Discharged after hip fracture; lost 8 % in 3 weeks.\n"
                                  "Dysphagia, IDDSI 5 minced and moist.")
    assert referral["letter"] == {"content_type": "text/plain", "title": "Ontslagbrief",
                                  "size": len(fhir_examples.LETTER)}

    accepted = setup(http.post(f"/api/v1/referrals/{stored.id}/accept", json={}, headers=lien.headers))
    client = setup(http.get(f"/api/v1/clients/{accepted['client_id']}", headers=lien.headers))
    assert (client["family_name"], client["birth_date"], client["sex"]) == ("Vermeulen", "1941-11-02", "male")

    task = http.get(f"/fhir/Task/{stored.id}", headers=discharge.headers)
    assert Task.model_validate(task.json).status == "accepted"
    again = http.get(f"/fhir/ServiceRequest/{stored.id}", headers=discharge.headers)
    read = ServiceRequest.model_validate(again.json)
    assert read.status == "active"
    [letter] = [c for c in read.contained if c.id == "letter"]
    assert letter.content[0].attachment.data == fhir_examples.LETTER


def test_a_declined_fhir_referral_reads_as_revoked_with_the_reason_on_its_task(http, discharge, lien, provider_a):
    stored = setup(post(http, discharge, discharge_request(provider_a)))
    setup(http.post(f"/api/v1/referrals/{stored['id']}/decline", json={"reason": "No capacity."},
                    headers=lien.headers))
    assert http.get(f"/fhir/ServiceRequest/{stored['id']}", headers=discharge.headers).json["status"] == "revoked"
    task = Task.model_validate(http.get(f"/fhir/Task/{stored['id']}", headers=discharge.headers).json)
    assert (task.status, task.statusReason.text) == ("rejected", "No capacity.")


def test_an_invalid_resource_gets_an_operation_outcome_naming_each_problem(http, discharge, provider_a):
    resource = discharge_request(provider_a)
    resource["contained"][0]["birthDate"] = "02/11/1941"
    resource["authoredOn"] = "yesterday"
    del resource["subject"]
    response = post(http, discharge, resource)
    assert response.status_code == 422 and response.mimetype == FHIR
    outcome = OperationOutcome.model_validate(response.json)
    assert sorted(e for issue in outcome.issue for e in issue.expression) == [
        "ServiceRequest.authoredOn", "ServiceRequest.contained[0].birthDate", "ServiceRequest.subject"]


def test_a_valid_resource_that_breaks_the_referral_rules_names_each_problem(http, discharge, provider_a):
    resource = discharge_request(provider_a)
    resource["extension"] = []
    resource["priority"] = "whenever"
    resource["contained"][0]["name"] = [{"family": "Vermeulen"}]
    resource["performer"] = [{"reference": "Practitioner/7"}]
    response = post(http, discharge, resource)
    assert response.status_code == 422
    outcome = OperationOutcome.model_validate(response.json)
    assert sorted(e for issue in outcome.issue for e in issue.expression) == [
        "ServiceRequest.contained[0].name", "ServiceRequest.extension", "ServiceRequest.performer",
        "ServiceRequest.priority"]


def test_errors_under_fhir_are_operation_outcomes(http, discharge, lien, other_gp, provider_a):
    stored = setup(post(http, discharge, discharge_request(provider_a)))
    for response, status in [
        (http.post("/fhir/ServiceRequest", data="{}", content_type=FHIR), 401),
        (post(http, lien, discharge_request(provider_a)), 403),
        (http.get(f"/fhir/ServiceRequest/{stored['id']}", headers=other_gp.headers), 404),
        (post(http, discharge, discharge_request(provider_a), "text/plain"), 415),
        (http.post("/fhir/ServiceRequest", data="{oops", content_type=FHIR, headers=discharge.headers), 400),
        (http.get("/fhir/Patient/1", headers=discharge.headers), 404),
    ]:
        assert response.status_code == status, (status, response.get_data(as_text=True))
        assert OperationOutcome.model_validate(response.json).issue


def test_the_examples_in_the_docs_are_valid_fhir_and_current():
    """docs/fhir/ is what ``python -m tools.fhir_examples docs/fhir`` makes."""
    models = {"ServiceRequest": ServiceRequest, "Task": Task, "OperationOutcome": OperationOutcome,
              "Bundle": Bundle}
    for name, resource in fhir_examples.examples().items():
        models[resource["resourceType"]].model_validate(resource)
        assert json.loads((DOCS / name).read_text()) == resource, name


@pytest.mark.parametrize("change, expression", [
    (lambda r: r["contained"][1].update(content=[]), "ServiceRequest.contained[1].content[0].attachment"),
    (lambda r: r["contained"][0].update(gender="x"), "ServiceRequest.contained[0].gender"),
    (lambda r: r["contained"][0].update(birthDate="1941"), "ServiceRequest.contained[0].birthDate"),
    (lambda r: r["subject"].update(reference="Patient/1"), "ServiceRequest.subject.reference"),
    (lambda r: (r.pop("reasonCode"), r.pop("note")), "ServiceRequest.reasonCode"),
    (lambda r: r["contained"][0]["address"][0].update(postalCode="!!"), "ServiceRequest.contained.Patient.address"),
])
def test_each_rule_a_resource_breaks_is_named(http, discharge, provider_a, change, expression):
    resource = discharge_request(provider_a)
    change(resource)
    response = post(http, discharge, resource)
    assert response.status_code == 422, response.get_data(as_text=True)
    outcome = OperationOutcome.model_validate(response.json)
    assert [e for issue in outcome.issue for e in issue.expression] == [expression]
