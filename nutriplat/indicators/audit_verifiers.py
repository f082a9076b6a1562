"""Who verifies a measurement audit: the provider's user its indicator's audit rule names in
the agreement version in force for the audited period (``audit_rules``) —
its admin or a dietitian (the natural second person for a screening). A dietitian is no party
to the agreement and sees no agreement; she reaches only the audits she is named for. Rules
from before verifiers were users name none: any admin of the provider verifies those."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import roles
from nutriplat.auth.actor import Actor
from nutriplat.errors import Forbidden, NotFound
from nutriplat.indicators import audit_rules
from nutriplat.indicators.models import Agreement, MeasurementAudit


def named_verifier(session: Session, agreement: Agreement, found: MeasurementAudit) -> int | None:
    """The user the audit rule of the version in force for the audited period names (older
    agreements named a role in words: None)."""
    named = (audit_rules.rule_of(session, agreement, found.indicator, found.period) or {}).get("verified_by")
    return named if isinstance(named, int) else None


def may_verify(session: Session, actor: Actor, agreement: Agreement, found: MeasurementAudit) -> bool:
    named = named_verifier(session, agreement, found)
    return actor.user_id == named if named is not None else actor.role == roles.ADMIN


def load_to_verify(session: Session, actor: Actor, audit_id: int) -> tuple[MeasurementAudit, Agreement]:
    """The audit and its agreement, for its verifier (or the provider's admin, who drew it)."""
    found = session.get(MeasurementAudit, audit_id)
    agreement = None if found is None else session.get(Agreement, found.agreement_id)
    if found is None or agreement is None or not _provider_of(actor, agreement):
        raise NotFound(f"No measurement audit {audit_id}.")
    if actor.role != roles.ADMIN and not may_verify(session, actor, agreement, found):
        # the same answer as an unknown id: a dietitian learns of no audit she is not named for
        raise NotFound(f"No measurement audit {audit_id}.")
    return found, agreement


def check_verifier(session: Session, actor: Actor, agreement: Agreement, found: MeasurementAudit) -> None:
    if not may_verify(session, actor, agreement, found):
        named = named_verifier(session, agreement, found)
        raise Forbidden(f"The agreement names user {named} to verify this audit." if named is not None
                        else "The agreement names no verifier for this audit: the provider's admin verifies it.")


def awaiting(session: Session, actor: Actor) -> list[tuple[MeasurementAudit, Agreement]]:
    """The provider's drawn audits not yet verified that the actor is the one to verify."""
    rows = session.execute(select(MeasurementAudit, Agreement).join(
        Agreement, Agreement.id == MeasurementAudit.agreement_id).where(
        MeasurementAudit.verified_at.is_(None), Agreement.organisation_id == actor.organisation_id)
        .order_by(MeasurementAudit.period, MeasurementAudit.id)).all()
    return [(found, agreement) for found, agreement in rows if may_verify(session, actor, agreement, found)]


def _provider_of(actor: Actor, agreement: Agreement) -> bool:
    return actor.is_platform_admin or agreement.organisation_id == actor.organisation_id
