"""The figures a settlement is computed from (its snapshot): the totals of the period's
and the baseline's frozen reports, suppressed exactly as the cofinancer's report is. A
payment rule that needs a hidden total is refused (409), never computed from it."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clock import business_today
from nutriplat.errors import Conflict, InvalidInput
from nutriplat.indicators import frozen, scope, settlement_audits
from nutriplat.indicators.models import Agreement, AgreementVersion, Settlement
from nutriplat.indicators.suppression import THRESHOLD
from nutriplat.indicators.terms import needed_figures
from nutriplat.periods import Period


def plain(number: Decimal) -> str:
    """80.0000 → "80", 0.5000 → "0.5" (never "8E+1")."""
    return format(number.normalize(), "f")


def build_snapshot(session: Session, agreement: Agreement, period: Period,
                   version: AgreementVersion) -> dict[str, Any]:
    """Every figure the payment rules of ``version`` (the accepted version in force) read, as
    exact strings: the totals of the period's and the baseline's frozen reports, suppressed
    exactly as there (a hidden total is null), and the version's full terms."""
    terms, measured = version.terms, scope.of_version(session, agreement, version)
    baseline, today = Period.parse(agreement.baseline_period), business_today()
    found = frozen.period_reports(session, agreement, [p for p in dict.fromkeys([baseline, period])
                                                       if p.is_complete(today)], today)
    made = found[period.label]
    if made.cohort_clients < THRESHOLD:
        raise InvalidInput("The cohort is too small to settle without exposing a person.",
                           {"agreement_id": [f"Fewer than {THRESHOLD} clients have consented to reporting."]})
    totals = {(label, row.indicator): row for label, each in found.items() for row in each.rows
              if not row.disaggregation}
    hidden = {key for key, row in totals.items() if row.suppressed}
    labels = {"period": period.label, "baseline": baseline.label}
    rules = terms["payment_rules"]
    at_baseline = {d.code for d in scope.of_period(session, agreement, baseline).definitions()}
    for code, which in needed_figures(rules):
        row = totals.get((labels[which], code))
        if which == "baseline" and code not in at_baseline:  # measured on the first version's indicators
            raise Conflict(f"The settlement of {period} needs {code} for {baseline}, which was not measured then.",
                           {"period": [f"{code} {baseline}: not measured; it cannot be settled on."]})
        if row is not None and row.no_data:
            raise Conflict(f"The settlement of {period} needs {code} for {labels[which]}, which has no value: "
                           f"{row.no_data}. Nothing is paid on missing data.",
                           {"period": [f"{code} {labels[which]}: no value ({row.no_data}); it cannot be settled on."]})
        if (labels[which], code) in hidden:
            raise Conflict(f"The settlement of {period} needs {code} for {labels[which]}, which the report "
                           f"suppresses (fewer than {THRESHOLD} clients, or the cells that would reveal them).",
                           {"period": [f"{code} {labels[which]}: suppressed; it cannot be settled on."]})
    targets = measured.targets()

    def figure(label: str, code: str) -> dict[str, str] | None:
        row = totals.get((label, code))
        if row is None or row.suppressed or row.no_data:
            return None
        return {"numerator": str(row.numerator), "denominator": str(row.denominator)}

    return {
        "agreement": {"id": agreement.id, "name": agreement.name,
                      "starts_on": agreement.starts_on.isoformat(), "ends_on": agreement.ends_on.isoformat(),
                      # the version's full terms, so the checksum the parties accepted is proven from the snapshot
                      "version": version.version, "terms_checksum": version.checksum, "terms": terms},
        "period": period.label, "baseline_period": baseline.label, "as_of": made.made_at.isoformat(),
        "cohort_clients": made.cohort_clients,
        "indicators": [{"code": d.code, "version": d.version, "name": d.name, "unit": d.unit,
                        "multiplier": d.multiplier, "decimals": d.decimals,
                        "higher_is_better": d.higher_is_better,
                        "target": None if (target := targets.get(d.code)) is None else plain(target),
                        "period": figure(period.label, d.code), "baseline": figure(baseline.label, d.code),
                        "suppressed": [which for which, label in labels.items() if (label, d.code) in hidden],
                        "no_data": {which: row.no_data for which, label in labels.items()
                                    if (row := totals.get((label, d.code))) is not None and row.no_data}}
                       for d in measured.definitions()],
        "rules": rules,
        # the measurement audits' results, only where there are any (older snapshots have none)
        **({"audits": audits} if (audits := settlement_audits.audits_of(session, agreement, period, rules, {
            i.definition.code: i.audit_rule for i in measured.indicators})) else {}),
        "start_budget_paid_before": session.scalar(
            select(Settlement.id).where(Settlement.agreement_id == agreement.id).limit(1)) is not None,
    }
