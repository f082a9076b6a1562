"""The demo's referrals (issue 19): Huisartsenpraktijk De Mandel's GP and AZ Delta's
discharge office refer three people to NutriPlat Roeselare, through the same use cases the
API and the FHIR endpoint run: one waits in the inbox, one was declined with a reason, one
came as a FHIR ServiceRequest with its discharge letter and is being triaged. None is
accepted, so the demo's clients (and what the simulation plans for them) stay as they were.
Idempotent: the demo's referrals are made once (the first run's received referrals)."""
from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.referrals import referring, triage
from nutriplat.referrals.fhir import service_requests
from nutriplat.referrals.fhir.reading import CONSENT_EXTENSION
from nutriplat.referrals.models import Referral
from nutriplat.referrals.schemas import SentReferralSchema
from tools.demo.population import people
from tools.demo.seed import SeedReport

GP, DISCHARGE, DIETITIAN = "huisarts.mandel", "ontslag.azdelta", people.DIETITIANS[0]


def _person(given: str, family: str, born: str, street: str, reason: str, urgency: str) -> dict[str, Any]:
    return {"given_name": given, "family_name": family, "birth_date": born, "sex": "female",
            "address": {"street": street, "postal_code": "8800", "city": "Roeselare"},
            "reason": reason, "urgency": urgency, "consent_for_care": True}


WAITING = _person("Godelieve", "Vandamme", "1937-04-18", "Zuidstraat 21",
                  "Lost 5 kg in two months since her husband died; eats little and alone.", "soon") | {
    "screening": {"instrument": "mna_sf", "result": "7 points: malnourished"}, "allergies": ["milk"]}
DECLINED = _person("Maria", "Verstraete", "1950-09-02", "Ieperseweg 140",
                   "Wants help to lose weight before knee surgery.", "routine")
DECLINE_REASON = "Weight loss for surgery is not our care: referred to the hospital's dietitian."


def _service_request(provider_id: int) -> dict[str, Any]:
    letter = b"Ontslagbrief AZ Delta: CVA, dysfagie IDDSI 4 / drank 2, 6 % gewichtsverlies."
    return {
        "resourceType": "ServiceRequest", "status": "active", "intent": "order", "priority": "asap",
        "extension": [{"url": CONSENT_EXTENSION, "valueBoolean": True}],
        "contained": [
            {"resourceType": "Patient", "id": "patient", "gender": "male", "birthDate": "1943-01-27",
             "name": [{"family": "Debaene", "given": ["Roger"]}],
             "address": [{"line": ["Hoogleedsesteenweg 300"], "postalCode": "8800", "city": "Roeselare"}]},
            {"resourceType": "DocumentReference", "id": "letter", "status": "current",
             "content": [{"attachment": {"contentType": "text/plain", "title": "Ontslagbrief",
                                         "data": base64.b64encode(letter).decode()}}]}],
        "subject": {"reference": "#patient"},
        "performer": [{"reference": f"Organization/{provider_id}"}],
        "reasonCode": [{"text": "Discharged home after a stroke; dysphagia, needs texture-modified meals."}],
        "supportingInfo": [{"reference": "#letter"}],
    }


def seed_referrals(factory: sessionmaker[Session], org_ids: dict[str, int], user_ids: dict[str, int],
                   report: SeedReport) -> None:
    provider = org_ids[people.PROVIDER]
    with UnitOfWork(factory) as uow:
        if uow.session.scalar(select(Referral.id).where(Referral.provider_id == provider).limit(1)):
            return
    gp = Actor(user_ids[GP], GP, "referrer", org_ids[people.GP_PRACTICE])
    discharge = Actor(user_ids[DISCHARGE], DISCHARGE, "referrer", org_ids[people.HOSPITAL_ORG])
    dietitian = Actor(user_ids[DIETITIAN], DIETITIAN, "dietitian", provider)

    def uow() -> UnitOfWork:
        return UnitOfWork(factory)

    # Loaded as the API loads a body: the same checks, dates as dates.
    form = SentReferralSchema()
    referring.refer(uow(), gp, form.load(WAITING | {"provider_id": provider}))
    declined = referring.refer(uow(), gp, form.load(DECLINED | {"provider_id": provider}))
    triage.decline(uow(), dietitian, declined.id, DECLINE_REASON)
    sent = service_requests.receive(uow(), discharge, _service_request(provider))
    triage.triage(uow(), dietitian, sent.id)
    report.count("referrals", 3)
