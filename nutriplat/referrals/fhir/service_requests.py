"""Use cases of the FHIR adapter: a referrer sends a ServiceRequest, which becomes the same
referral the API's form makes (``referring.refer``, same policy and audit); anyone who may
read the referral reads it back as a ServiceRequest or a Task."""
from __future__ import annotations

from typing import Any

from marshmallow import ValidationError

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.referrals import referring
from nutriplat.referrals.fhir import reading, writing
from nutriplat.referrals.fhir.outcome import InvalidResource, Issue
from nutriplat.referrals.models import Referral
from nutriplat.referrals.policy import POLICY
from nutriplat.referrals.schemas import SentReferralSchema

# Where a field of the referral comes from in the ServiceRequest, for the issue's expression.
SOURCE = {"given_name": "contained.Patient.name.given", "family_name": "contained.Patient.name.family",
          "birth_date": "contained.Patient.birthDate", "sex": "contained.Patient.gender",
          "phone": "contained.Patient.telecom", "address": "contained.Patient.address",
          "reason": "reasonCode", "urgency": "priority", "provider_id": "performer",
          "consent_for_care": "extension"}


def receive(uow: UnitOfWork, actor: Actor, raw: Any) -> Referral:
    """Validate the resource (fhir.resources, then the referral's own rules) and refer."""
    POLICY.check(actor, "refer")
    data, letter = reading.referral_data(reading.parse(raw))
    try:
        loaded = SentReferralSchema().load(data)
    except ValidationError as error:
        messages: Any = error.messages
        raise InvalidResource([
            Issue(f"{field}: {message}", f"ServiceRequest.{SOURCE.get(field, field)}")
            for field, found in messages.items() for message in _flat(found)]) from None
    return referring.refer(uow, actor, loaded, source="fhir", letter=letter)


def _flat(found: Any) -> list[str]:
    if isinstance(found, dict):
        return [f"{key}: {message}" for key, value in found.items() for message in _flat(value)]
    return [str(message) for message in found]


def service_request(uow: UnitOfWork, actor: Actor, referral_id: int) -> dict[str, Any]:
    return writing.service_request(referring.get_referral(uow, actor, referral_id))


def task(uow: UnitOfWork, actor: Actor, referral_id: int) -> dict[str, Any]:
    return writing.task(referring.get_referral(uow, actor, referral_id))
