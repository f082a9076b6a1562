"""The terms a renegotiation proposes: the previous version's, with each part the provider
restates replaced — the indicator set (each indicator's definition version, target,
instrument, who measures, data source, frequency and audit rule: sample size, verifier and
the minimum agreement rate that makes payment wait for the audit), targets alone, the cohort, the outcomes and the
payment rules. Every problem of every part is collected, named by its part
(``indicators.2.data_source``), before anything is stored.

What a period's report counts (the indicators, their sources, the cohort) changes only
from a period whose report is not made yet: a made report is never made again. Likewise an
audit rule's sample size and verifier change only from a period whose audit is not drawn."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import ErrorCollector
from nutriplat.indicators import agreement_parts, audit_rules, method, scope, versions
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.agreements import payment_rules
from nutriplat.indicators.cohort import definition_errors
from nutriplat.indicators.models import Agreement, AgreementVersion, IndicatorSnapshot, MeasurementAudit
from nutriplat.periods import Period


def proposed(session: Session, agreement: Agreement, previous: AgreementVersion, data: dict[str, Any],
             errors: ErrorCollector) -> dict[str, Any]:
    """The new version's full terms; the problems are added to ``errors``."""
    before = versions.stated(agreement, previous)
    if data.get("indicators") is not None:
        resolved = agreement_parts.resolve_indicators(session, agreement.organisation_id, data["indicators"], errors)
        indicators = [versions.indicator_terms(found.code, found.version, _decimal(item.get("target")),
                                               method.measurement(item)) for found, item in resolved]
        frozen = {found.code: Definition.of(found) for found, _ in resolved}
    else:
        indicators = [dict(item) for item in before["indicators"]]
        frozen = {d.code: d for d in scope.of_version(session, agreement, previous).definitions()}
    by_code = {item["code"]: item for item in indicators}
    for code, target in (data.get("targets") or {}).items():
        if code not in by_code:
            errors.add(f"targets.{code}", "Not an indicator of the agreement.")
        else:
            by_code[code]["target"] = None if target is None else format(Decimal(target).normalize(), "f")
    cohort = before["cohort"]
    if data.get("cohort") is not None:
        cohort = agreement_parts.stored_cohort(data["cohort"])
        for field, reason in definition_errors(cohort).items():
            errors.add(field, reason)
    outcomes = before["outcomes"] if data.get("outcomes") is None else data["outcomes"]
    for field, reason in method.outcome_errors(outcomes, list(by_code)).items():
        errors.add(field, reason)
    wanted = before["payment_rules"] if data.get("payment_rules") is None else data["payment_rules"]
    targets = {code: _decimal(item["target"]) for code, item in by_code.items()}
    rules = [{"position": r.position, "kind": r.kind, "params": r.params}
             for r in payment_rules(wanted, frozen, targets, errors)]
    _baseline_errors(session, agreement, rules, errors)
    return versions.full_terms(indicators, cohort, outcomes, rules)


def _baseline_errors(session: Session, agreement: Agreement, rules: list[dict[str, Any]],
                     errors: ErrorCollector) -> None:
    """A quality gate compares with the baseline, which the first version's indicators measured."""
    baseline = Period.parse(agreement.baseline_period)
    measured = {d.code for d in scope.of_period(session, agreement, baseline).definitions()}
    for n, rule in enumerate(rules):
        quality = rule["params"].get("quality_indicators") if rule["kind"] == "shared_savings" else None
        if isinstance(quality, list) and (unmeasured := [code for code in quality if code not in measured]):
            errors.add(f"payment_rules.{n}.params.quality_indicators",
                       f"Not measured in the baseline period {baseline}: {', '.join(map(str, unmeasured))}.")


def report_conflict(session: Session, agreement: Agreement, terms: dict[str, Any], start: Period) -> str | None:
    """Why terms that count other things than the version in force at ``start`` cannot
    start then, or None: a period from then on has its report made already, or its
    measurement audit drawn on another cohort, sample size or verifier."""
    counted = scope.report_key(terms["cohort"], [(item["code"], item["version"], item["data_source"])
                                                 for item in terms["indicators"]])
    if counted == scope.of_period(session, agreement, start).key():
        return _audit_conflict(session, agreement, terms, start)
    made = sorted(label for label in session.scalars(select(IndicatorSnapshot.period).where(
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.cohort_clients.is_not(None)))
        if Period.parse(label).start >= start.start)
    if not made:
        return _audit_conflict(session, agreement, terms, start)
    return (f"The report of {', '.join(made)} is made already with the indicators and cohort in force then; "
            "another indicator set, data source or cohort starts from a period not reported yet.")


def _audit_conflict(session: Session, agreement: Agreement, terms: dict[str, Any], start: Period) -> str | None:
    """A drawn sample never changes: another audit rule (or cohort) starts from a period not audited yet."""
    wanted = {item["code"]: _drawn_as(item.get("audit_rule")) for item in terms["indicators"]}
    changed = sorted(f"{code} {label}" for code, label in session.execute(
        select(MeasurementAudit.indicator, MeasurementAudit.period).where(
            MeasurementAudit.agreement_id == agreement.id))
        if Period.parse(label).start >= start.start and (
            wanted.get(code) != _drawn_as(audit_rules.rule_of(session, agreement, code, label))
            or terms["cohort"] != scope.of_period(session, agreement, Period.parse(label)).cohort))
    if not changed:
        return None
    return (f"The measurement audit of {', '.join(changed)} is drawn already on the audit rule and cohort in force "
            "then; another sample size, verifier or cohort starts from a period not audited yet.")


def _drawn_as(rule: dict[str, Any] | None) -> tuple[Any, Any] | None:
    return None if not rule else (rule.get("sample_size"), rule.get("verified_by"))


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
