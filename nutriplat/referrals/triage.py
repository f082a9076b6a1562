"""Use cases of the provider's inbox: triage a referral, accept it (registering the
person as a client through the clients area, or linking the client they already are), or
decline it with a reason the referrer sees."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients import duplicates
from nutriplat.clients import services as clients
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_date, now
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput
from nutriplat.referrals import domain
from nutriplat.referrals.access import RESOURCE, load_referral
from nutriplat.referrals.models import Referral
from nutriplat.referrals.policy import POLICY

STALE = "The referral was changed by someone else; reload and retry."


def _check_move(referral: Referral, to: str) -> None:
    if not domain.may_move(referral.status, to):
        raise Conflict(f"A {referral.status} referral cannot become {to}.",
                       {"status": [f"Is {referral.status}."]})


def _move(referral: Referral, actor: Actor, to: str) -> None:
    _check_move(referral, to)
    referral.status = to
    setattr(referral, domain.STAMPS[to], now())
    referral.handled_by = actor.user_id


def triage(uow: UnitOfWork, actor: Actor, referral_id: int) -> Referral:
    """Mark a received referral as seen and being looked into."""
    POLICY.check(actor, "triage")
    with uow:
        referral = load_referral(uow.session, actor, referral_id)
        _move(referral, actor, "triaged")
        audit.record(uow.session, actor, "triage", RESOURCE, referral.id)
        uow.commit(stale=STALE)
        return referral


def decline(uow: UnitOfWork, actor: Actor, referral_id: int, reason: str) -> Referral:
    POLICY.check(actor, "decline")
    if not reason.strip():
        raise InvalidInput("The request has invalid values.", {"reason": ["Say why, for the referrer."]})
    with uow:
        referral = load_referral(uow.session, actor, referral_id)
        _move(referral, actor, "declined")
        referral.decline_reason = reason.strip()
        audit.record(uow.session, actor, "decline", RESOURCE, referral.id)
        uow.commit(stale=STALE)
        return referral


def accept(uow: UnitOfWork, actor: Actor, referral_id: int, choice: dict[str, Any]) -> Referral:
    """Accept: link the client named by ``link_client_id`` (or ``client_id``), or register a
    new one; a likely duplicate (same family name, birth date and postal code) is a 409
    listing the candidates unless ``create_anyway`` says it is someone else."""
    POLICY.check(actor, "accept")
    link_id = choice.get("link_client_id") or choice.get("client_id")
    with uow:
        referral = load_referral(uow.session, actor, referral_id)
        _check_move(referral, "accepted")
        if link_id is not None:
            client = load_client(uow.session, actor, link_id)
            carry_referrer(client, referral)
        else:
            candidates = likely_duplicates(uow.session, referral)
            if candidates and not choice.get("create_anyway"):
                raise Conflict(
                    "This person may already be a client: link one with link_client_id, "
                    "or pass create_anyway.", {"candidate_client_ids": [str(c) for c in candidates]})
            client = clients.add_client(uow.session, actor, client_data(referral, choice["care_setting"]))
        _move(referral, actor, "accepted")
        referral.client_id = client.id
        audit.record(uow.session, actor, "accept", RESOURCE, referral.id, client.id,
                     detail={"linked": link_id is not None})
        uow.commit(stale=STALE)
        return referral


def carry_referrer(client: Client, referral: Referral) -> None:
    """A linked client whose care has not started yet (still 'referred', no referrer on the
    record) comes to care through this referral: the record names its referrer, so billing's
    referral commission starts with the client's first subscription. A client already in care,
    or referred by someone else, keeps their record's referrer (no commission for care the
    referral did not start)."""
    if client.referral_organisation_id is None and client.status == "referred":
        client.referral_organisation_id = referral.organisation_id
        client.referral_date = business_date(referral.received_at)


def likely_duplicates(session: Session, referral: Referral) -> list[int]:
    """The provider's clients who are likely the referred person (``clients.duplicates``)."""
    return [c.id for c in duplicates.likely_duplicates(
        session, referral.provider_id, referral.family_name, referral.birth_date, referral.postal_code)]


def client_data(referral: Referral, care_setting: str) -> dict[str, Any]:
    """The client record the referral starts: the person, what is known of their food."""
    data: dict[str, Any] = {
        "given_name": referral.given_name, "family_name": referral.family_name,
        "birth_date": referral.birth_date, "sex": referral.sex or "unknown",
        "phone": referral.phone, "care_setting": care_setting,
        "address": {"street": referral.street, "postal_code": referral.postal_code,
                    "city": referral.city, "country": None},
        "referral": {"organisation_id": referral.organisation_id, "care_line": None,
                     "date": business_date(referral.received_at)},
        "allergies": list(referral.allergies or []),
    }
    for level in ("iddsi_food_level", "iddsi_drink_level"):
        if getattr(referral, level) is not None:
            data[level] = getattr(referral, level)
    return data
