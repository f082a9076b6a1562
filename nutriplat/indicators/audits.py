"""The measurement audit agreed in an indicator's ``audit_rule``: per reporting period, a
seeded sample of the measurements behind the indicator (the seed is stored, so anyone can
draw the same sample again), verified against the source by a second person — never the
one who took the measurement. The agreement rate goes into the settlement statement, and
payment on the indicator is held when it falls below the rule's minimum."""
from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.indicators import audit_population, audit_records, audit_rules, audit_verifiers, scope
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.domain import audit_sample
from nutriplat.indicators.models import Agreement, MeasurementAudit
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reporting_periods import reporting_periods
from nutriplat.periods import Period

RESOURCE = "measurement_audit"


def draw(uow: UnitOfWork, actor: Actor, agreement_id: int, code: str, period_text: str,
         seed: int | None) -> MeasurementAudit:
    POLICY.check(actor, "draw_audit")
    with uow:
        session = uow.session
        agreement = load_agreement(session, actor, agreement_id)
        errors = ErrorCollector()
        period = _closed_period(agreement, period_text, errors)
        # the rule of the version in force for the period (a renegotiated one applies from its period
        # on); a wrong period leaves the indicator judged against every version's rules
        measured = scope.of_period(session, agreement, period) if period else None
        item = audit_rules.audited_in([measured] if measured else scope.of_each_version(session, agreement), code)
        if item is None:
            errors.add("indicator", "Must be an indicator with an audit rule in the agreement version in force "
                                    "for the period.")
        elif not audit_population.kinds(Definition.of(item.definition)):
            errors.add("indicator", "Reads no measurements to audit (scale readings, screening forms, GLIM "
                                    "assessments, intake records or deliveries).")
        errors.raise_if_any("The audit sample cannot be drawn.")
        assert item is not None and item.audit_rule and period is not None and measured is not None
        seed = secrets.randbits(62) if seed is None else seed
        population = audit_population.population(session, agreement, measured.cohort, Definition.of(item.definition),
                                                 period)
        sample = audit_sample.draw(population, seed, int(item.audit_rule["sample_size"]))
        found = MeasurementAudit(agreement_id=agreement.id, indicator=code, period=period.label, seed=seed,
                                 population=len(population), sample=[{"kind": k, "id": i} for k, i in sample],
                                 drawn_by=actor.user_id)
        session.add(found)
        flush_or_conflict(session, f"The audit of {code} for {period} is drawn already.",
                          {"period": ["Drawn already: a sample is drawn once."]})
        audit.record(session, actor, "draw", RESOURCE, found.id, detail={"agreement_id": agreement.id,
                     "indicator": code, "period": period.label}, organisation_id=agreement.organisation_id)
        uow.commit()
        return found


def _closed_period(agreement: Agreement, text: str, errors: ErrorCollector) -> Period | None:
    try:
        period = Period.parse(text)
    except ValueError as error:
        errors.add("period", str(error))
        return None
    if period not in reporting_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on) \
            and period.label != agreement.baseline_period:
        errors.add("period", "Must be one of the agreement's reporting periods.")
    elif not period.is_complete(business_today()):
        errors.add("period", "Only a closed period is audited.")
    else:
        return period
    return None


def record_findings(uow: UnitOfWork, actor: Actor, audit_id: int, findings: list[dict[str, Any]]) -> MeasurementAudit:
    """The second person's verdict on every sampled measurement, all at once."""
    POLICY.check(actor, "verify_audit")
    with uow:
        session = uow.session
        found, agreement = audit_verifiers.load_to_verify(session, actor, audit_id)
        organisation_id = agreement.organisation_id
        audit_verifiers.check_verifier(session, actor, agreement, found)
        if found.verified_at is not None:
            raise Conflict("The audit is verified already and never changes.", {"findings": ["Verified already."]})
        errors = ErrorCollector()
        sampled = {(s["kind"], s["id"]): s for s in audit_records.shown(session, found.sample)}
        given = [(f["kind"], f["id"]) for f in findings]
        for n, key in enumerate(given):
            if key not in sampled:
                errors.add(f"findings.{n}.id", "Not a measurement of this sample.")
            elif given.index(key) != n:
                errors.add(f"findings.{n}.id", "Given twice.")
            elif sampled[key]["recorded_by"] == actor.user_id:
                errors.add(f"findings.{n}.id", "A second person verifies: you recorded this measurement.")
        if missing := [f"{k} {i}" for k, i in sampled if (k, i) not in given]:
            errors.add("findings", f"Every sampled measurement needs a finding; missing: {', '.join(missing)}.")
        errors.raise_if_any("The findings cannot be recorded.")
        found.findings = [{"kind": f["kind"], "id": f["id"], "agrees": f["agrees"], "note": f.get("note")}
                          for f in findings]
        found.agreement_rate = audit_sample.agreement_rate([f["agrees"] for f in findings])
        found.verified_by, found.verified_at = actor.user_id, utcnow()
        audit.record(session, actor, "verify", RESOURCE, found.id, organisation_id=organisation_id,
                     detail={"agreement_rate": str(found.agreement_rate)})
        uow.commit()
        return found


def list_audits(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[MeasurementAudit]:
    POLICY.check(actor, "list_audits")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return list(uow.session.scalars(select(MeasurementAudit).where(
            MeasurementAudit.agreement_id == agreement.id).order_by(MeasurementAudit.period, MeasurementAudit.id)))


def sample_records(uow: UnitOfWork, actor: Actor, audit_id: int) -> dict[str, Any]:
    """The sampled readings and forms, for the provider's second person: person data, audited."""
    POLICY.check(actor, "verify_audit")
    with uow:
        found, agreement = audit_verifiers.load_to_verify(uow.session, actor, audit_id)
        items = audit_records.shown(uow.session, found.sample)
        audit.record(uow.session, actor, "read", RESOURCE, found.id, organisation_id=agreement.organisation_id,
                     detail={"clients": sorted({item["client_id"] for item in items})})
        uow.commit()
        return {"audit": found, "items": items, "agreement": {"id": agreement.id, "name": agreement.name},
                "may_verify": audit_verifiers.may_verify(uow.session, actor, agreement, found)}


def audited_indicators(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[tuple[str, str]]:
    """Code and name of each indicator an audit may be drawn for: audited by some version."""
    POLICY.check(actor, "draw_audit")
    with uow:
        return audit_rules.audited(uow.session, load_agreement(uow.session, actor, agreement_id))


def to_verify(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    """The audits waiting for the actor's findings, with the agreement's name (no person)."""
    POLICY.check(actor, "verify_audit")
    with uow:
        return [{"audit": found, "agreement": {"id": agreement.id, "name": agreement.name}}
                for found, agreement in audit_verifiers.awaiting(uow.session, actor)]
