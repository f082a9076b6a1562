"""Whose referrals a caller sees: a referrer their own organisation's (the ones it sent),
the provider's staff those sent to their organisation (the inbox), a platform
administrator all. Another's referral is "not found" like a missing one, and audited."""
from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.errors import NotFound
from nutriplat.referrals.models import Referral
from nutriplat.schema_fields import DB_INT_MAX

RESOURCE = "referral"


def side_column(actor: Actor) -> InstrumentedAttribute[int]:
    """The column that says whether a referral is the actor's: sent or received."""
    return Referral.organisation_id if actor.role == roles.REFERRER else Referral.provider_id


def visible_referrals(actor: Actor) -> Select[Referral]:
    stmt = select(Referral)
    if not actor.is_platform_admin:
        stmt = stmt.where(side_column(actor) == actor.organisation_id)
    return stmt


def load_referral(session: Session, actor: Actor, referral_id: int) -> Referral:
    referral = session.scalar(visible_referrals(actor).where(Referral.id == referral_id))
    if referral is None:
        holder = session.scalar(select(Referral.provider_id).where(Referral.id == referral_id)) \
            if referral_id <= DB_INT_MAX else None
        audit.record_refusal(session, actor, RESOURCE, referral_id, 404, "view", holder)
        raise NotFound(f"No referral {referral_id}.")
    return referral
