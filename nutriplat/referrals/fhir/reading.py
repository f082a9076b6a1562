"""A FHIR R4 ServiceRequest read into the referral it asks for (the same data the API's
SentReferralSchema loads), or every problem with it (``InvalidResource``).

What is read (docs/fhir/README.md): the Patient contained and referenced from ``subject``
("#id"); the reason from ``reasonCode`` (text or coding display) and ``note``; the urgency
from ``priority``; the provider from ``performer`` ("Organization/<id>"); the consent for
care from the extension ``CONSENT_EXTENSION`` (valueBoolean true); an optional discharge
letter as a contained DocumentReference's first attachment."""
from __future__ import annotations

import base64
from datetime import date
from typing import Any

import pydantic
from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.servicerequest import ServiceRequest

from nutriplat.clock import business_today
from nutriplat.referrals import domain
from nutriplat.referrals.fhir.outcome import InvalidResource, Issue, fhirpath

CONSENT_EXTENSION = "urn:nutriplat:fhir:StructureDefinition:consent-for-care"
GENDERS = ("male", "female", "other", "unknown")
REQUEST_STATUSES = ("draft", "active")  # a referral is sent to be acted on
INTENTS = ("proposal", "plan", "directive", "order", "original-order", "reflex-order",
           "filler-order", "instance-order", "option")


def _at(*location: Any) -> str:
    return fhirpath("ServiceRequest", location)


def parse(raw: Any) -> ServiceRequest:
    """The resource validated by fhir.resources; each validation error is one issue."""
    if not isinstance(raw, dict) or raw.get("resourceType") != "ServiceRequest":
        raise InvalidResource([Issue("The body must be a FHIR ServiceRequest resource.", "ServiceRequest")])
    try:
        return ServiceRequest.model_validate(raw)
    except pydantic.ValidationError as error:
        raise InvalidResource([Issue(e["msg"], _at(*e["loc"])) for e in error.errors()]) from None


def referral_data(request: ServiceRequest) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(the referral's fields, the letter or None); every problem at once."""
    issues: list[Issue] = []
    contained = {c.id: (i, c) for i, c in enumerate(request.contained or []) if c.id}
    if request.status not in REQUEST_STATUSES:
        issues.append(Issue(f"status must be one of {', '.join(REQUEST_STATUSES)}.", _at("status")))
    if request.intent not in INTENTS:
        issues.append(Issue("intent is not a FHIR RequestIntent code.", _at("intent")))
    data: dict[str, Any] = {"urgency": "routine"}
    if request.priority is not None:
        if request.priority not in domain.URGENCY_OF_PRIORITY:
            issues.append(Issue("priority must be routine, urgent, asap or stat.", _at("priority")))
        else:
            data["urgency"] = domain.URGENCY_OF_PRIORITY[request.priority]
    data |= _patient(request, contained, issues)
    data["reason"] = _reason(request, issues)
    data["provider_id"] = _provider(request, issues)
    data["consent_for_care"] = _consent(request, issues)
    letter = _letter(request, issues)
    if issues:
        raise InvalidResource(issues)
    return data, letter


def _patient(request: ServiceRequest, contained: dict[str, Any], issues: list[Issue]) -> dict[str, Any]:
    reference = request.subject.reference or ""
    found = contained.get(reference[1:]) if reference.startswith("#") else None
    if found is None or found[1].get_resource_type() != "Patient":
        issues.append(Issue("subject must reference a contained Patient (\"#id\").", _at("subject", "reference")))
        return {}
    index, patient = found
    name = (patient.name or [None])[0]
    data: dict[str, Any] = {}
    if name is None or not name.family or not name.given:
        issues.append(Issue("The Patient needs a family and a given name.", _at("contained", index, "name")))
    else:
        data |= {"family_name": name.family[:100], "given_name": " ".join(name.given)[:100]}
    if not isinstance(patient.birthDate, date) or patient.birthDate > business_today() \
            or patient.birthDate.year < 1900:
        issues.append(Issue("The Patient needs a full birth date (YYYY-MM-DD), not in the future.",
                            _at("contained", index, "birthDate")))
    else:
        data["birth_date"] = patient.birthDate.isoformat()  # loaded by SentReferralSchema
    if patient.gender is not None and patient.gender not in GENDERS:
        issues.append(Issue(f"gender must be one of {', '.join(GENDERS)}.", _at("contained", index, "gender")))
    data["sex"] = patient.gender if patient.gender in GENDERS else None
    phones = [t.value for t in patient.telecom or [] if t.system == "phone" and t.value]
    data["phone"] = phones[0][:40] if phones else None
    address = (patient.address or [None])[0]
    if address is not None:
        data["address"] = {"street": " ".join(address.line or [])[:200] or None,
                           "postal_code": address.postalCode, "city": address.city}
    return data


def _reason(request: ServiceRequest, issues: list[Issue]) -> str:
    parts = [c.text or next((x.display for x in c.coding or [] if x.display), None)
             for c in request.reasonCode or []]
    parts += [n.text for n in request.note or []]
    reason = "\n".join(p for p in parts if p)
    if not reason:
        issues.append(Issue("Say why: reasonCode (text or display) or note.", _at("reasonCode")))
    return reason[:4000]


def _provider(request: ServiceRequest, issues: list[Issue]) -> int | None:
    reference = next((p.reference for p in request.performer or [] if p.reference), "")
    kind, _, id_ = reference.partition("/")
    if kind != "Organization" or not id_.isdigit() or int(id_) > 2**31 - 1:
        issues.append(Issue("performer must reference the provider: Organization/<id>.", _at("performer")))
        return None
    return int(id_)


def _consent(request: ServiceRequest, issues: list[Issue]) -> bool:
    given = any(e.url == CONSENT_EXTENSION and e.valueBoolean is True for e in request.extension or [])
    if not given:
        issues.append(Issue(f"The person's consent for care must be recorded: extension {CONSENT_EXTENSION} "
                            "with valueBoolean true.", _at("extension")))
    return given


def _letter(request: ServiceRequest, issues: list[Issue]) -> dict[str, Any] | None:
    for index, resource in enumerate(request.contained or []):
        if not isinstance(resource, DocumentReference):
            continue
        attachment = resource.content[0].attachment if resource.content else None
        if attachment is None or not attachment.contentType or attachment.data is None:
            issues.append(Issue("The letter's attachment needs contentType and data (base64).",
                                _at("contained", index, "content", 0, "attachment")))
            return None
        return {"content_type": attachment.contentType[:100],
                "title": (attachment.title or resource.description or "")[:200] or None,
                "size": len(attachment.data), "data": base64.b64encode(attachment.data).decode("ascii")}
    return None
