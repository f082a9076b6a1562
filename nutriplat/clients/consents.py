"""Caregiver mandates and consents: given by the client, withdrawable, never deleted."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.clients.access import load_client
from nutriplat.clients.models import CaregiverMandate, Client, Consent
from nutriplat.clients.policy import POLICY
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound


def give_mandate(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CaregiverMandate:
    POLICY.check(actor, "give_mandate")
    with uow:
        client = load_client(uow.session, actor, client_id)
        errors = ErrorCollector()
        caregiver = uow.session.get(User, data["caregiver_id"])
        if caregiver is None or caregiver.role != roles.CAREGIVER:
            errors.add("caregiver_id", "No caregiver user with this id.")
        errors.raise_if_any()
        if _active(uow, CaregiverMandate, client.id, CaregiverMandate.caregiver_id == data["caregiver_id"]):
            raise Conflict("This caregiver already holds a mandate; withdraw it first.",
                           {"caregiver_id": ["Already mandated."]})
        mandate = CaregiverMandate(client_id=client.id, recorded_by=actor.user_id, **data)
        uow.session.add(mandate)
        return _done(uow, actor, client, "create", "caregiver_mandate", mandate)


def withdraw_mandate(uow: UnitOfWork, actor: Actor, client_id: int, mandate_id: int) -> CaregiverMandate:
    POLICY.check(actor, "withdraw_mandate")
    with uow:
        client = load_client(uow.session, actor, client_id)
        mandate = _owned(uow, CaregiverMandate, client, mandate_id)
        mandate.withdrawn_at = utcnow()
        return _done(uow, actor, client, "withdraw", "caregiver_mandate", mandate)


def list_mandates(uow: UnitOfWork, actor: Actor, client_id: int) -> list[CaregiverMandate]:
    """A caregiver sees only their own mandate: who else the client trusts is not theirs to know."""
    POLICY.check(actor, "list_mandates")
    if actor.role == roles.CAREGIVER:
        return _list(uow, actor, client_id, CaregiverMandate, CaregiverMandate.caregiver_id == actor.user_id)
    return _list(uow, actor, client_id, CaregiverMandate)


def mandate_candidates(uow: UnitOfWork, actor: Actor, client_id: int) -> list[User]:
    """The caregivers the dietitian may choose for a new mandate: the active caregiver
    accounts of the client's provider (its admin makes them) not mandated already."""
    POLICY.check(actor, "give_mandate")
    with uow:
        client = load_client(uow.session, actor, client_id)
        mandated = select(CaregiverMandate.caregiver_id).where(
            CaregiverMandate.client_id == client.id, CaregiverMandate.withdrawn_at.is_(None))
        return list(uow.session.scalars(select(User).where(
            User.role == roles.CAREGIVER, User.is_active.is_(True),
            User.organisation_id == client.organisation_id, User.id.not_in(mandated))
            .order_by(User.display_name, User.username)))


def give_consent(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Consent:
    POLICY.check(actor, "give_consent")
    with uow:
        client = load_client(uow.session, actor, client_id)
        if _active(uow, Consent, client.id, Consent.purpose == data["purpose"]):
            raise Conflict("This consent is already given.", {"purpose": ["Already given."]})
        consent = Consent(client_id=client.id, recorded_by=actor.user_id, **data)
        uow.session.add(consent)
        return _done(uow, actor, client, "create", "consent", consent)


def withdraw_consent(uow: UnitOfWork, actor: Actor, client_id: int, consent_id: int) -> Consent:
    POLICY.check(actor, "withdraw_consent")
    with uow:
        client = load_client(uow.session, actor, client_id)
        consent = _owned(uow, Consent, client, consent_id)
        consent.withdrawn_at = utcnow()
        return _done(uow, actor, client, "withdraw", "consent", consent)


def list_consents(uow: UnitOfWork, actor: Actor, client_id: int) -> list[Consent]:
    POLICY.check(actor, "list_consents")
    return _list(uow, actor, client_id, Consent)


def _active(uow: UnitOfWork, model: Any, client_id: int, condition: Any) -> Any:
    return uow.session.scalar(select(model).where(
        model.client_id == client_id, model.withdrawn_at.is_(None), condition))


def _owned(uow: UnitOfWork, model: Any, client: Client, record_id: int) -> Any:
    record = uow.session.get(model, record_id)
    if record is None or record.client_id != client.id:
        raise NotFound(f"No such record for client {client.id}.")
    if record.withdrawn_at is not None:
        raise Conflict("Already withdrawn.")
    return record


def _list(uow: UnitOfWork, actor: Actor, client_id: int, model: Any, *conditions: Any) -> list[Any]:
    with uow:
        client = load_client(uow.session, actor, client_id)
        records = list(uow.session.scalars(
            select(model).where(model.client_id == client.id, *conditions).order_by(model.given_at, model.id)))
        audit.record(uow.session, actor, "list", model.__tablename__, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return records


def _done(uow: UnitOfWork, actor: Actor, client: Client, action: str, resource: str, record: Any) -> Any:
    uow.session.flush()
    audit.record(uow.session, actor, action, resource, record.id, client.id,
                 organisation_id=client.organisation_id)
    uow.commit()
    return record
