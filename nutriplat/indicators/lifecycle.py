"""An agreement's lifecycle: the provider drafts it and proposes it; the proposed version
is frozen (its terms and their SHA-256) so both parties see the same document; a
cofinancer user of the agreement accepts that version. Renegotiation is a new version of
the terms (indicators, cohort, outcomes, targets, payment rules) from a reporting period
on, proposed and accepted the same way. Only an accepted version pays: a settlement is computed under the accepted
version in force for its period. "active" and "ended" follow from the term."""
from __future__ import annotations

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict
from nutriplat.indicators import version_terms
from nutriplat.indicators.agreements import RESOURCE, load_agreement
from nutriplat.indicators.models import Agreement, AgreementVersion
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.versions import ACCEPTED, DRAFT, PROPOSED, checksum, status
from nutriplat.periods import Period


def propose(uow: UnitOfWork, actor: Actor, agreement_id: int) -> Agreement:
    """The provider proposes its draft: the version's terms are frozen from now on."""
    POLICY.check(actor, "propose_agreement")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        draft = _latest(agreement, DRAFT, "Nothing to propose: the agreement has no draft version.")
        draft.status, draft.checksum = PROPOSED, checksum(draft.terms)
        draft.proposed_by, draft.proposed_at = actor.user_id, utcnow()
        if agreement.status == DRAFT:
            agreement.status = PROPOSED
        audit.record(uow.session, actor, "propose", RESOURCE, agreement.id, detail={"version": draft.version})
        uow.commit()
        return agreement


def accept(uow: UnitOfWork, actor: Actor, agreement_id: int, version: int | None,
           seen_checksum: str | None) -> Agreement:
    """A cofinancer user of the agreement accepts the proposed version it has seen."""
    POLICY.check(actor, "accept_agreement")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        proposed = _latest(agreement, PROPOSED, "Nothing to accept: no version of the agreement is proposed.")
        if version is not None and version != proposed.version:
            raise Conflict(f"Version {proposed.version} is the one proposed.",
                           {"version": [f"Version {proposed.version} is proposed, not {version}."]})
        if seen_checksum is not None and seen_checksum != proposed.checksum:
            raise Conflict("The proposed terms are not the ones you have seen.",
                           {"checksum": ["Differs from the proposed version's; read it again."]})
        start = Period.parse(proposed.effective_from)
        if reason := version_terms.report_conflict(uow.session, agreement, proposed.terms, start):
            raise Conflict(reason, {"effective_from": [reason]})  # reported since it was proposed: renegotiate anew
        proposed.status, proposed.accepted_by, proposed.accepted_at = ACCEPTED, actor.user_id, utcnow()
        agreement.status = ACCEPTED
        audit.record(uow.session, actor, "accept", RESOURCE, agreement.id, detail={"version": proposed.version},
                     organisation_id=agreement.organisation_id)
        uow.commit()
        return agreement


def _latest(agreement: Agreement, wanted: str, reason: str) -> AgreementVersion:
    latest = agreement.versions[-1] if agreement.versions else None
    if latest is None or latest.status != wanted:
        raise Conflict(reason, {"status": [f"The agreement is {status(agreement, business_today())}."]})
    return latest


def list_versions(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[AgreementVersion]:
    POLICY.check(actor, "list_versions")
    with uow:
        return list(load_agreement(uow.session, actor, agreement_id).versions)
