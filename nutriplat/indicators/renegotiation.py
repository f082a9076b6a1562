"""Renegotiation: a new version of an accepted agreement's terms from one of its reporting
periods on — its indicators and how each is measured, targets, cohort, outcomes and
payment rules (``version_terms``); the term stays. Periods before keep the version they
are reported and settled under. The new version is a draft until the provider proposes
it and the cofinancer accepts it (``lifecycle``)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.indicators import version_terms
from nutriplat.indicators.agreements import RESOURCE, load_agreement
from nutriplat.indicators.models import Agreement, AgreementVersion, Settlement
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reporting_periods import reporting_periods
from nutriplat.indicators.versions import ACCEPTED, DRAFT
from nutriplat.periods import Period


def renegotiate(uow: UnitOfWork, actor: Actor, agreement_id: int, data: dict[str, Any]) -> AgreementVersion:
    POLICY.check(actor, "renegotiate_agreement")
    with uow:
        session, errors = uow.session, ErrorCollector()
        agreement = load_agreement(session, actor, agreement_id)
        latest = agreement.versions[-1]
        if latest.status != ACCEPTED:
            raise Conflict(f"Version {latest.version} is still {latest.status}: it is proposed or accepted first.",
                           {"status": [f"Version {latest.version} is {latest.status}."]})
        settled = list(session.scalars(select(Settlement.period_end).where(Settlement.agreement_id == agreement.id)))
        reason = _start_error(agreement, data["effective_from"], latest, settled)
        terms = version_terms.proposed(session, agreement, latest, data, errors)
        if reason is None:
            reason = version_terms.report_conflict(session, agreement, terms, Period.parse(data["effective_from"]))
        if reason:
            errors.add("effective_from", reason)
        errors.raise_if_any("The new version has invalid values; nothing was stored.")
        version = AgreementVersion(agreement_id=agreement.id, version=latest.version + 1,
                                   effective_from=Period.parse(data["effective_from"]).label, status=DRAFT,
                                   created_by=actor.user_id, terms=terms)
        session.add(version)
        session.flush()
        audit.record(session, actor, "renegotiate", RESOURCE, agreement.id, detail={"version": version.version})
        uow.commit()
        return version


def _start_error(agreement: Agreement, text: str, latest: AgreementVersion, settled: list[Any]) -> str | None:
    periods = reporting_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on)
    try:
        period = Period.parse(text)
    except ValueError as error:
        return str(error)
    if period not in periods:
        return f"Must be one of the agreement's reporting periods: {', '.join(p.label for p in periods)}."
    if period.start <= Period.parse(latest.effective_from).start:
        return f"Must come after {latest.effective_from}, from which version {latest.version} is in force."
    if any(end >= period.start for end in settled):
        return "A period from then on is settled already; a new version starts after the last settled period."
    return None
