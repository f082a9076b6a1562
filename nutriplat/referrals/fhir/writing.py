"""A stored referral as FHIR R4: the ServiceRequest (what was asked, whether the request
stands) and the Task (how far the provider has taken it). Only the referral's own
fields: never anything of the client record it became. Validated before it is served."""
from __future__ import annotations

from typing import Any

from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from nutriplat.referrals import domain
from nutriplat.referrals.fhir.reading import CONSENT_EXTENSION
from nutriplat.referrals.models import Referral

STATUS_SYSTEM = "urn:nutriplat:fhir:CodeSystem:referral-status"


def service_request(referral: Referral) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest", "id": str(referral.id),
        "contained": [_patient(referral)],
        "extension": [{"url": CONSENT_EXTENSION, "valueBoolean": referral.consent_for_care}],
        "status": domain.SERVICE_REQUEST_STATUS[referral.status],
        "intent": "order",
        "priority": domain.PRIORITY_OF_URGENCY[referral.urgency],
        "code": {"text": "Nutritional care (dietitian)"},
        "subject": {"reference": "#patient"},
        "authoredOn": referral.received_at.isoformat(timespec="seconds"),
        "requester": {"reference": f"Organization/{referral.organisation_id}"},
        "performer": [{"reference": f"Organization/{referral.provider_id}"}],
        "reasonCode": [{"text": referral.reason}],
    }
    if referral.letter_content_type is not None:
        resource["contained"].append({
            "resourceType": "DocumentReference", "id": "letter", "status": "current",
            "content": [{"attachment": _present({
                "contentType": referral.letter_content_type, "title": referral.letter_title,
                "size": referral.letter_size, "data": referral.letter_data})}]})
        resource["supportingInfo"] = [{"reference": "#letter"}]
    return _valid(ServiceRequest, resource)


def task(referral: Referral) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Task", "id": str(referral.id),
        "status": domain.TASK_STATUS[referral.status],
        "businessStatus": {"coding": [{"system": STATUS_SYSTEM, "code": referral.status}],
                           "text": referral.status},
        "intent": "order",
        "focus": {"reference": f"ServiceRequest/{referral.id}"},
        "authoredOn": referral.received_at.isoformat(timespec="seconds"),
        "requester": {"reference": f"Organization/{referral.organisation_id}"},
        "owner": {"reference": f"Organization/{referral.provider_id}"},
    }
    if referral.decline_reason:
        resource["statusReason"] = {"text": referral.decline_reason}
    return _valid(Task, resource)


def _patient(referral: Referral) -> dict[str, Any]:
    patient: dict[str, Any] = {
        "resourceType": "Patient", "id": "patient",
        "name": [{"family": referral.family_name, "given": referral.given_name.split()}],
        "birthDate": referral.birth_date.isoformat(),
    }
    if referral.sex:
        patient["gender"] = referral.sex
    if referral.phone:
        patient["telecom"] = [{"system": "phone", "value": referral.phone}]
    if referral.street or referral.postal_code or referral.city:
        address = {"line": [referral.street] if referral.street else None,
                   "postalCode": referral.postal_code, "city": referral.city}
        patient["address"] = [_present(address)]
    return patient


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value}


def _valid(model: Any, resource: dict[str, Any]) -> dict[str, Any]:
    """The resource as JSON, after fhir.resources accepted it (a bug here is a 500, not bad FHIR)."""
    model.model_validate(resource)
    return {key: value for key, value in resource.items() if value is not None}
