"""The measurement audits a settlement rests on. An indicator whose audit rule sets a
minimum agreement rate and that a payment rule reads is settled only after its audit for
the period is verified; the snapshot keeps each verified audit's result, so the statement
(``statement_calculation``) holds the payment on a failed one and recomputes to the cent."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import Conflict
from nutriplat.indicators.audit_rules import minimum
from nutriplat.indicators.domain.audit_sample import holds_payment
from nutriplat.indicators.models import Agreement, MeasurementAudit
from nutriplat.indicators.payments import PaymentLine, Step
from nutriplat.indicators.terms import needed_figures
from nutriplat.periods import Period


def audits_of(session: Session, agreement: Agreement, period: Period, rules: Sequence[Mapping[str, Any]],
              audit_rules: Mapping[str, dict[str, Any] | None]) -> dict[str, dict[str, Any]]:
    """``audit_rules``: by indicator, the audit rule of the version in force for the period,
    which settles it: payment waits for the audit that version's rule asks."""
    paid_on = {code for code, which in needed_figures(rules) if which == "period"}
    found = {a.indicator: a for a in session.scalars(select(MeasurementAudit).where(
        MeasurementAudit.agreement_id == agreement.id, MeasurementAudit.period == period.label))}
    results = {}
    for code, audit_rule in audit_rules.items():
        floor = minimum(audit_rule)
        done = found.get(code)
        if done is None or done.verified_at is None:
            if floor is not None and code in paid_on:
                raise Conflict(f"Payment on {code} depends on its measurement audit for {period}, which is not "
                               "verified yet.", {"period": [f"{code}: the measurement audit is not verified."]})
            continue
        results[code] = {"agreement_rate": str(done.agreement_rate), "sample_size": len(done.sample),
                         "seed": done.seed, "min_agreement_rate": None if floor is None else str(floor)}
    return results


def held(line: PaymentLine, rule: Mapping[str, Any], audits: Mapping[str, Mapping[str, Any]]) -> PaymentLine:
    """The line, or nothing paid (nor clawed back) when an audit of an indicator it reads failed."""
    failed = [(code, audits[code]) for code, which in needed_figures([rule])
              if which == "period" and code in audits and holds_payment(
                  _decimal(audits[code]["agreement_rate"]), _decimal(audits[code]["min_agreement_rate"]))]
    if not failed:
        return line
    steps = tuple(Step(f"Held: the measurement audit of {code} agrees {found['agreement_rate']}, below the agreed "
                       f"{found['min_agreement_rate']}", str(line.amount)) for code, found in failed)
    return PaymentLine(line.kind, f"{line.description} — held on the measurement audit", Decimal("0.00"),
                       line.steps + steps)


def statement_rows(audits: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{"indicator": code, **found, "passed": not holds_payment(
        _decimal(found["agreement_rate"]), _decimal(found["min_agreement_rate"]))} for code, found in audits.items()]


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
