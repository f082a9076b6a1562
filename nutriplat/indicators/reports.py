"""Use cases behind ``/reports/indicators``: the anonymised report of an agreement for a
period (with its baseline period beside it), and trend series for the charts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import InvalidInput
from nutriplat.indicators import report
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.periods import Period, last_complete_quarter, periods_between

RESOURCE = "indicator_report"


@dataclass(frozen=True)
class Report:
    agreement_id: int
    agreement_name: str
    period: str
    baseline_period: str
    report_date: date
    indicators: list[dict[str, object]]
    rows: list[report.Row]


def parse_period(text: str | None, today: date) -> Period:
    """A month, quarter or year that has started; by default the last complete quarter."""
    if not text:
        return last_complete_quarter(today)
    try:
        period = Period.parse(text)
    except ValueError as error:
        raise InvalidInput("The period is not valid.", {"period": [str(error)]}) from None
    if period.start > today:
        raise InvalidInput("The period is not valid.", {"period": ["Has not started yet."]})
    return period


def indicator_report(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str | None) -> Report:
    today = business_today()
    period = parse_period(period_text, today)
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        baseline = Period.parse(agreement.baseline_period)
        periods = [baseline] if baseline == period else [baseline, period]
        computed = report.compute(uow.session, agreement, periods, utcnow(), today)
        targets = {item.definition.code: item.target for item in agreement.indicators}
        audit.record(uow.session, actor, "report", RESOURCE, agreement.id, detail={"period": period.label},
                     organisation_id=agreement.organisation_id)
        uow.commit()
        return Report(agreement.id, agreement.name, period.label, baseline.label, today,
                      [_describe(d, targets[d.code]) for d in computed.definitions], computed.rows)


@dataclass(frozen=True)
class Trends:
    definitions: list[Definition]
    series: dict[str, list[tuple[str, Decimal | None]]]
    targets: dict[str, Decimal | None]


def trends(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str | None) -> Trends:
    """Per indicator, its value per period of its own type (months, or quarters) from the
    baseline period up to the given period."""
    today = business_today()
    until = parse_period(period_text, today)
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        first = min(Period.parse(agreement.baseline_period).start, agreement.starts_on)
        kinds = sorted({item.definition.period_type for item in agreement.indicators})
        periods = [p for kind in kinds for p in periods_between(kind, first, min(until.end, today))]
        computed = report.compute(uow.session, agreement, periods, utcnow(), today, breakdowns=())
        targets = {item.definition.code: item.target for item in agreement.indicators}
        uow.commit()
    kind_of = {p.label: p.kind for p in periods}
    series = {d.code: [(row.period, row.value) for row in computed.rows
                       if row.indicator == d.code and kind_of[row.period] == d.period_type]
              for d in computed.definitions}
    return Trends(computed.definitions, series, targets)


def _describe(definition: Definition, target: Decimal | None) -> dict[str, object]:
    return {"code": definition.code, "version": definition.version, "name": definition.name,
            "unit": definition.unit, "higher_is_better": definition.higher_is_better,
            "period_type": definition.period_type, "target": target}
