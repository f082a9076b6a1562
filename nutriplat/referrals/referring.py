"""Use cases of the referrer: refer a person to a provider, follow one's referrals. The
provider's staff read the same referrals as their inbox. Each read and write is audited
in the transaction it records."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, Forbidden
from nutriplat.pagination import page_of
from nutriplat.referrals.access import RESOURCE, load_referral, visible_referrals
from nutriplat.referrals.models import Referral
from nutriplat.referrals.policy import POLICY

# The letter a hospital attaches (FHIR DocumentReference): content type, title, size, base64.
Letter = dict[str, Any]


def refer(uow: UnitOfWork, actor: Actor, data: dict[str, Any], source: str = "api",
          letter: Letter | None = None) -> Referral:
    """Send a referral to a provider from the caller's (referrer) organisation."""
    POLICY.check(actor, "refer")
    if actor.organisation_id is None:
        raise Forbidden("Referrals are sent from a referrer organisation; you have none.")
    with uow:
        referral = add_referral(uow.session, actor, data, source, letter)
        uow.commit()
        return referral


def add_referral(session: Session, actor: Actor, data: dict[str, Any], source: str,
                 letter: Letter | None) -> Referral:
    errors = ErrorCollector()
    provider = session.get(Organisation, data["provider_id"])
    if provider is None or provider.type != "provider":
        errors.add("provider_id", "No provider organisation with this id.")
    errors.raise_if_any()
    address = data.get("address") or {}
    screening = data.get("screening") or {}
    letter = letter or {}
    referral = Referral(
        organisation_id=actor.organisation_id, referred_by=actor.user_id,
        provider_id=data["provider_id"], source=source,
        given_name=data["given_name"], family_name=data["family_name"],
        birth_date=data["birth_date"], sex=data.get("sex"), phone=data.get("phone"),
        street=address.get("street"), postal_code=address.get("postal_code"), city=address.get("city"),
        reason=data["reason"], urgency=data["urgency"],
        screening_instrument=screening.get("instrument"), screening_result=screening.get("result"),
        iddsi_food_level=data.get("iddsi_food_level"), iddsi_drink_level=data.get("iddsi_drink_level"),
        allergies=list(data.get("allergies") or []), consent_for_care=data["consent_for_care"],
        letter_content_type=letter.get("content_type"), letter_title=letter.get("title"),
        letter_size=letter.get("size"), letter_data=letter.get("data"),
        status="received")
    session.add(referral)
    session.flush()
    audit.record(session, actor, "create", RESOURCE, referral.id,
                 detail={"provider_id": referral.provider_id, "source": source})
    return referral


def providers(uow: UnitOfWork, actor: Actor) -> list[Organisation]:
    """The provider organisations a referral may be sent to (the referral form's choice)."""
    POLICY.check(actor, "refer")
    with uow:
        return list(uow.session.scalars(select(Organisation).where(Organisation.type == "provider")
                                        .order_by(Organisation.name)))


def list_referrals(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int
                   ) -> tuple[list[Referral], int]:
    """A referrer's own organisation's referrals; the staff's inbox; newest first."""
    POLICY.check(actor, "list_referrals")
    with uow:
        stmt = visible_referrals(actor)
        if "status" in filters:
            stmt = stmt.where(Referral.status == filters["status"])
        stmt = stmt.order_by(Referral.received_at.desc(), Referral.id.desc())
        referrals, total = page_of(uow.session, stmt, page, page_size)
        audit.record_all(uow.session, actor, "list", RESOURCE, ((r.id, r.client_id, None) for r in referrals))
        uow.commit()
        return referrals, total


def get_referral(uow: UnitOfWork, actor: Actor, referral_id: int) -> Referral:
    POLICY.check(actor, "get_referral")
    with uow:
        referral = load_referral(uow.session, actor, referral_id)
        audit.record(uow.session, actor, "read", RESOURCE, referral.id, referral.client_id)
        uow.commit()
        return referral
