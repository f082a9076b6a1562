"""Compute an agreement's indicator report: the cohort, per period the client frame, the
figures per indicator and breakdown, and small-cell suppression. No identifier leaves
this module: rows carry indicator codes, periods, categories and aggregates only."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.indicators import (
    aggregate,
    disclosure,
    equity,
    external_figures,
    measures,
    method,
    scope,
    sources,
    staff_frame,
    suppression,
)
from nutriplat.indicators.aggregate import Definition, Figure
from nutriplat.indicators.attributes import LEVELS
from nutriplat.indicators.catalogue import DISAGGREGATIONS
from nutriplat.indicators.cohort import select_cohort
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.scope import Scope
from nutriplat.periods import Period

BREAKDOWNS = ("instrument", *DISAGGREGATIONS, equity.DIMENSION, staff_frame.DIMENSION)


@dataclass(frozen=True)
class Row:
    indicator: str
    period: str
    disaggregation: dict[str, str]
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    suppressed: bool
    no_data: str | None = None  # why the indicator has no value: a source without data for the period


@dataclass
class Computation:
    definitions: list[Definition]
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # unsuppressed totals per period
    cohort_size: int = 0


def definitions_of(agreement: Agreement) -> list[Definition]:
    return [Definition.of(item.definition) for item in agreement.indicators]


def compute(session: Session, agreement: Agreement, periods: Sequence[Period], as_of: datetime,
            today: date, breakdowns: Sequence[str] = BREAKDOWNS, measured: Scope | None = None) -> Computation:
    """``measured``: the version's indicators and cohort, which the periods share (by
    default those in force for the first period)."""
    periods = list(dict.fromkeys(periods))
    measured = measured or scope.of_period(session, agreement, periods[0])
    definitions = measured.definitions()
    prep = measures.prepare(sources.load(session, agreement.organisation_id, periods, today))
    cohort = select_cohort(prep, measured.cohort, as_of, agreement.starts_on)
    family_of = suppression.families({d.code: d.quantities() for d in definitions})
    result = Computation(definitions, cohort_size=len(cohort))
    # an indicator counted from a cofinancer's source: no value until its figures are there
    external = {item.definition.code: item.data_source for item in measured.indicators
                if item.data_source != method.NATIVE}
    imported = external_figures.load(session, agreement.id, external.values())
    segments = equity.load(session, agreement.organisation_id) if equity.DIMENSION in breakdowns else None
    staff = {d.code for d in definitions if d.counts_staff() and d.code not in external}
    responses = staff_frame.load(session, agreement.organisation_id, periods) if staff else None
    for period in periods:
        reported = [d for d in definitions if d.reported_for(period.kind)]
        frame = measures.client_frame(prep, cohort, period)
        if segments is not None:
            frame[equity.DIMENSION] = equity.segment_of(segments, frame.index, period.end)
        found = aggregate.figures(frame, [d for d in reported if d.code not in set(external) | staff], breakdowns)
        if responses is not None and (wanted := [d for d in reported if d.code in staff]):
            found += aggregate.figures(staff_frame.of_period(responses, period), wanted, breakdowns)
        for source, data in imported.items():  # the source's own figures, where the agreement says they count
            if wanted := [d for d in reported if external.get(d.code) == source]:
                found += aggregate.figures(external_figures.applied(frame, data, period), wanted, breakdowns)
        result.figures[period.label] = [f for f in found if f.dimension is None]
        gaps = measures.gaps(prep, period)
        missing = {d.code: "; ".join(gaps[s] for s in sorted(d.sources() & set(gaps))) for d in reported
                   if d.sources() & set(gaps) and d.code not in external}
        missing |= {code: reason for code, source in external.items()
                    if (reason := external_figures.missing(source, imported.get(source), period))}
        if responses is not None and (reason := staff_frame.missing(responses, period)):
            missing |= dict.fromkeys(staff, reason)
        result.rows += rows_of(found, {d.code: d for d in reported}, family_of, period, missing)
    return result


def rows_of(found: Sequence[Figure], by_code: dict[str, Definition], family_of: dict[str, str],
            period: Period, missing: Mapping[str, str] | None = None) -> list[Row]:
    """``missing``: indicators whose source has no data for the period, with the reason:
    every cell of theirs is "no value" (nothing is shown, so nothing can be worked out)."""
    missing = missing or {}
    hidden = suppression.suppressed(
        (suppression.Cell(f.indicator, f.dimension, f.category, f.numerator_clients, f.denominator_clients,
                          by_code[f.indicator].counts_clients()) for f in found), family_of)
    rows = []
    for f in sorted(found, key=lambda f: (list(by_code).index(f.indicator), _order(f))):
        breakdown = {} if f.dimension is None else {f.dimension: f.category or ""}
        if f.indicator in missing:
            rows.append(Row(f.indicator, period.label, breakdown, None, None, None, False, missing[f.indicator]))
        elif (f.indicator, f.dimension, f.category) in hidden:
            rows.append(Row(f.indicator, period.label, breakdown, None, None, None, True))
        else:
            rows.append(Row(f.indicator, period.label, breakdown, f.numerator, f.denominator,
                            by_code[f.indicator].value(f.numerator, f.denominator), False))
    if disclosure.exposed(rows):  # a second, independent line of defence: never release such a table
        raise RuntimeError(f"Suppression would expose cells in {period.label}; the report is withheld.")
    return rows


def _order(f: Figure) -> tuple[int, Any]:
    if f.dimension is None:
        return (0, "")
    category: Any = LEVELS.index(f.category) if f.category in LEVELS else f.category
    return (1 + BREAKDOWNS.index(f.dimension), (isinstance(category, str), category))
