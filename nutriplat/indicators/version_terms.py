"""The terms a renegotiation proposes: the previous version's, with each part the provider
restates replaced — the indicator set (each indicator's definition version, target,
instrument, who measures, data source, frequency and audit rule, whose minimum agreement
rate makes payment wait for the audit), targets alone, the cohort, the outcomes and the
payment rules. Every problem of every part is collected, named by its part
(``indicators.2.data_source``), before anything is stored.

What a period's report counts (the indicators, their sources, the cohort) changes only
from a period whose report is not made yet: a made report is never made again."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import ErrorCollector
from nutriplat.indicators import agreement_parts, method, scope, versions
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.agreements import payment_rules
from nutriplat.indicators.cohort import definition_errors
from nutriplat.indicators.models import Agreement, AgreementVersion, IndicatorSnapshot
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
        _audit_errors(agreement, data["indicators"], errors)
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


def _audit_errors(agreement: Agreement, wanted: list[dict[str, Any]], errors: ErrorCollector) -> None:
    """A measurement audit's sample is drawn as the agreement's first version states it (its
    size, its verifier); a version may change only whether payment waits for it
    (``min_agreement_rate``), read when the period is settled."""
    drawn = {item.definition.code: item.audit_rule for item in agreement.indicators}
    for n, item in enumerate(wanted):
        rule, first = method.measurement(item)["audit_rule"], drawn.get(item["code"])
        if rule and (not first or any(rule.get(key) != first.get(key) for key in ("sample_size", "verified_by"))):
            errors.add(f"indicators.{n}.audit_rule", "Samples are drawn as the first version states them: keep its "
                                                     "sample_size and verified_by (min_agreement_rate may change); "
                                                     "an indicator it does not audit has no audit rule.")


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
    start then, or None: a period from then on has its report made already."""
    counted = scope.report_key(terms["cohort"], [(item["code"], item["version"], item["data_source"])
                                                 for item in terms["indicators"]])
    if counted == scope.of_period(session, agreement, start).key():
        return None
    made = sorted(label for label in session.scalars(select(IndicatorSnapshot.period).where(
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.cohort_clients.is_not(None)))
        if Period.parse(label).start >= start.start)
    if not made:
        return None
    return (f"The report of {', '.join(made)} is made already with the indicators and cohort in force then; "
            "another indicator set, data source or cohort starts from a period not reported yet.")


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
