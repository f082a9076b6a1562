"""An agreement's fixed reporting periods: the only periods a cofinancer is shown.

The agreement's period kind (``settlement_period``: month, quarter or year) cuts its term
into periods that never overlap, and the baseline period stands beside them (it is one of
them, or lies wholly outside them). Nothing else is reported: were a quarter and its
months both shown, a hidden month would be the quarter minus the other two. Only closed
periods are reported, so each is made once and then frozen (``frozen.py``). Plain
functions over dates; errors name the request's field."""
from __future__ import annotations

from datetime import date

from nutriplat.errors import InvalidInput
from nutriplat.periods import Period, periods_between


def reporting_periods(kind: str, starts_on: date, ends_on: date) -> list[Period]:
    """The term's periods of ``kind``, in order: adjacent, never overlapping."""
    return periods_between(kind, starts_on, ends_on)


def published_periods(kind: str, starts_on: date, ends_on: date, baseline: Period) -> list[Period]:
    """The baseline and the reporting periods, in order, each once."""
    return sorted({baseline, *reporting_periods(kind, starts_on, ends_on)})


def baseline_error(kind: str, starts_on: date, ends_on: date, baseline: Period) -> str | None:
    """Why a baseline would let a report be combined with another, if it would."""
    periods = reporting_periods(kind, starts_on, ends_on)
    if baseline in periods or not any(baseline.overlaps(p) for p in periods):
        return None
    return (f"Overlaps the agreement's reporting periods ({kind}s) without being one of them: "
            f"use one of them or a period before {starts_on}.")


def requested_period(text: str | None, kind: str, starts_on: date, ends_on: date, baseline: Period,
                     today: date, field: str = "period") -> Period:
    """The requested period if it is a closed published period; without one, the last closed
    reporting period (or the baseline while none has closed). Else a 422 naming ``field``."""
    published = published_periods(kind, starts_on, ends_on, baseline)
    closed = [p for p in published if p.is_complete(today)]
    if not text:
        if not closed:
            raise InvalidInput("No reporting period of the agreement has closed yet.",
                               {field: [f"The first closes on {published[0].end}."]})
        return closed[-1]
    try:
        period = Period.parse(text)
    except ValueError as error:
        raise InvalidInput("The period is not valid.", {field: [str(error)]}) from None
    if period not in published:
        raise InvalidInput("The period is not one of the agreement's reporting periods.", {field: [
            f"The agreement reports per {kind}: {', '.join(p.label for p in published[:8])}"
            + (", …" if len(published) > 8 else "") + "; no other period, to keep hidden figures hidden."]})
    if not period.is_complete(today):
        raise InvalidInput("The period is not closed yet.",
                           {field: [f"Reported once it has closed, after {period.end}."]})
    return period
