"""Use cases of service agreements: what the provider supplies a facility and on which
terms. An agreement names wards of that facility only; ending one sets its last day."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.facilities.access import check_facility, kept_by_caller
from nutriplat.facilities.models import ServiceAgreement, Ward
from nutriplat.facilities.policy import POLICY
from nutriplat.facilities.structure import add_audited, provider_of

RESOURCE = "service_agreement"


def create_agreement(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> ServiceAgreement:
    POLICY.check(actor, "create_agreement")
    organisation_id = provider_of(actor)
    with uow:
        errors = ErrorCollector()
        check_facility(uow.session, data["facility_id"], errors)
        _check_wards(uow.session, organisation_id, data["facility_id"], data["ward_ids"], errors)
        for field in ("ward_ids", "meal_moments", "delivery_days"):
            if len(set(data[field])) != len(data[field]):
                errors.add(field, "Must not contain duplicates.")
        errors.raise_if_any()
        return add_audited(uow, actor, ServiceAgreement(
            organisation_id=organisation_id, created_by=actor.user_id,
            **{**data, "delivery_days": sorted(data["delivery_days"])}), RESOURCE,
            event=lambda agreement: changed(agreement, actor))


def list_agreements(uow: UnitOfWork, actor: Actor) -> list[ServiceAgreement]:
    POLICY.check(actor, "list_agreements")
    with uow:
        return list(uow.session.scalars(kept_by_caller(ServiceAgreement, actor).order_by(
            ServiceAgreement.valid_from, ServiceAgreement.id)))


def get_agreement(uow: UnitOfWork, actor: Actor, agreement_id: int) -> ServiceAgreement:
    POLICY.check(actor, "get_agreement")
    with uow:
        return load_owned(uow.session, ServiceAgreement, agreement_id, actor, "service agreement")


def end_agreement(uow: UnitOfWork, actor: Actor, agreement_id: int, valid_until: date) -> ServiceAgreement:
    POLICY.check(actor, "end_agreement")
    with uow:
        agreement = load_owned(uow.session, ServiceAgreement, agreement_id, actor, "service agreement")
        errors = ErrorCollector()
        if valid_until < agreement.valid_from:
            errors.add("valid_until", f"Must not be before valid_from ({agreement.valid_from.isoformat()}).")
        errors.raise_if_any()
        agreement.valid_until = valid_until
        audit.record(uow.session, actor, "update", RESOURCE, agreement.id, detail={"valid_until": str(valid_until)})
        uow.record(changed(agreement, actor))
        uow.commit()
        return agreement


def changed(agreement: ServiceAgreement, actor: Actor) -> events.ServiceAgreementChanged:
    """What billing follows: the residents of the agreement's wards pause or resume their own
    subscription as the agreement starts or ends paying for their meals."""
    return events.ServiceAgreementChanged(agreement.id, agreement.facility_id, tuple(agreement.ward_ids),
                                          agreement.valid_from, agreement.valid_until, actor)


def agreements_in_force(session: Session, day: date) -> list[ServiceAgreement]:
    """Every provider's agreements running on ``day`` (for the nightly ward ordering)."""
    return list(session.scalars(select(ServiceAgreement).where(
        ServiceAgreement.valid_from <= day,
        (ServiceAgreement.valid_until.is_(None)) | (ServiceAgreement.valid_until >= day))
        .order_by(ServiceAgreement.facility_id, ServiceAgreement.id)))


def _check_wards(session: Session, organisation_id: int, facility_id: int, ward_ids: list[int],
                 errors: ErrorCollector) -> None:
    known = {w.id: w for w in session.scalars(select(Ward).where(Ward.id.in_(ward_ids)))}
    for i, ward_id in enumerate(ward_ids):
        ward = known.get(ward_id)
        if ward is None or ward.organisation_id != organisation_id:
            errors.add(f"ward_ids.{i}", f"No ward {ward_id}.")
        elif ward.facility_id != facility_id:
            errors.add(f"ward_ids.{i}", f"Ward {ward_id} is a ward of another facility.")
