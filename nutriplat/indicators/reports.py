"""Use cases behind ``/reports/indicators``: the anonymised report of an agreement for one
of its closed reporting periods (with its baseline period beside it), and trend series for
the charts — all read from the periods' frozen reports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.indicators import frozen, report_computation, scope
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reporting_periods import published_periods, requested_period
from nutriplat.periods import Period

RESOURCE = "indicator_report"


@dataclass(frozen=True)
class Report:
    agreement_id: int
    agreement_name: str
    period: str
    baseline_period: str
    report_date: date
    indicators: list[dict[str, object]]
    rows: list[report_computation.Row]


def published(agreement: Agreement) -> tuple[Period, list[Period]]:
    """The agreement's baseline and its published periods (``reporting_periods.py``)."""
    baseline = Period.parse(agreement.baseline_period)
    return baseline, published_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on,
                                       baseline)


def chosen_period(agreement: Agreement, text: str | None, today: date) -> Period:
    baseline = Period.parse(agreement.baseline_period)
    return requested_period(text, agreement.settlement_period, agreement.starts_on, agreement.ends_on,
                            baseline, today)


def indicator_report(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str | None) -> Report:
    """The frozen reports of the baseline (once closed) and of one closed reporting period."""
    POLICY.check(actor, "indicator_report")
    today = business_today()
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        period, baseline = chosen_period(agreement, period_text, today), Period.parse(agreement.baseline_period)
        periods = [p for p in dict.fromkeys([baseline, period]) if p.is_complete(today)]
        found = frozen.period_reports(uow.session, agreement, periods, today)
        measured = scope.of_period(uow.session, agreement, period)  # the version in force for it
        audit.record(uow.session, actor, "report", RESOURCE, agreement.id, detail={"period": period.label},
                     organisation_id=agreement.organisation_id)
        uow.commit()
        return Report(agreement.id, agreement.name, period.label, baseline.label, today,
                      [_describe(d, measured.targets()[d.code]) for d in measured.definitions()],
                      [row for p in periods for row in found[p.label].rows])


@dataclass(frozen=True)
class Trends:
    definitions: list[Definition]
    series: dict[str, list[tuple[str, Decimal | None]]]
    targets: dict[str, Decimal | None]


def trends(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str | None) -> Trends:
    """Per indicator, its total per published period (the frozen reports' totals: the same
    suppressed figures as the reports, never a figure of another period) up to the given one."""
    POLICY.check(actor, "trends")
    today = business_today()
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        until = chosen_period(agreement, period_text, today)
        periods = [p for p in published(agreement)[1] if p.end <= until.end]
        found = frozen.period_reports(uow.session, agreement, periods, today)
        measured = scope.of_period(uow.session, agreement, until)
        definitions, targets = measured.definitions(), measured.targets()
        uow.commit()
    totals = {(row.indicator, row.period): row.value for p in periods for row in found[p.label].rows
              if not row.disaggregation}
    series = {d.code: [(p.label, totals[(d.code, p.label)]) for p in periods if (d.code, p.label) in totals]
              for d in definitions}
    return Trends(definitions, series, targets)


def _describe(definition: Definition, target: Decimal | None) -> dict[str, object]:
    return {"code": definition.code, "version": definition.version, "name": definition.name,
            "unit": definition.unit, "higher_is_better": definition.higher_is_better,
            "period_type": definition.period_type, "target": target}
