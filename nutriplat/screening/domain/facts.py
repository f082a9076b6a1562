"""Plain client facts the derivation layer reads: no ORM objects, just values and dates.

The service layer builds a ``ClientFacts`` from its models; everything here is immutable
and validated so that a bad row (a weight of 0 kg) fails loudly instead of scoring.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from .common import BRUSSELS, Number, add_months, business_date, to_decimal

CARE_SETTINGS = ("home", "nursing_home", "hospital")
SEXES = ("female", "male", "other", "unknown")


@dataclass(frozen=True)
class Measurement:
    """One stored measurement; ``id`` is echoed in the provenance of derived inputs."""

    measured_at: date | datetime
    value: Number
    id: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.measured_at, date):
            raise TypeError(f"measured_at must be a date or datetime, got {self.measured_at!r}")
        d = to_decimal(self.value)
        if not d.is_finite() or d <= 0:
            raise ValueError(f"a measurement must be positive, got {self.value!r}")

    @property
    def on(self) -> date:
        """The Brussels business date of the measurement."""
        return business_date(self.measured_at)

    @property
    def _order(self) -> tuple[date, time]:
        # A date-only measurement sorts before any timed one of the same day.
        at = self.measured_at
        if isinstance(at, datetime):
            local = at.astimezone(BRUSSELS) if at.tzinfo else at
            return (local.date(), local.time())
        return (at, time.min)


MeasurementLike = Measurement | tuple[Any, ...] | list[Any]


def as_measurement(item: MeasurementLike) -> Measurement:
    """Accept a Measurement or a plain ``(measured_at, value[, id])`` pair/triple."""
    if isinstance(item, Measurement):
        return item
    if isinstance(item, (tuple, list)) and len(item) in (2, 3):
        return Measurement(*item)
    raise TypeError(f"not a measurement: {item!r}")


def as_history(items: Iterable[MeasurementLike]) -> tuple[Measurement, ...]:
    return tuple(as_measurement(i) for i in items)


def latest_on_or_before(history: Sequence[MeasurementLike], on_date: date) -> Measurement | None:
    """The latest measurement whose business date is on or before ``on_date``; of several
    at the same instant, the one listed last (the latest recorded) wins."""
    found: tuple[tuple[date, time], int, Measurement] | None = None
    for index, m in enumerate(as_history(history)):
        if m.on <= on_date and (found is None or (m._order, index) >= found[:2]):
            found = (m._order, index, m)
    return found[2] if found else None


def earlier_weight(history: Sequence[MeasurementLike], on_date: date,
                   months: int) -> Measurement | None:
    """Spec: the latest weight measured on or before (date − N calendar months), or None."""
    return latest_on_or_before(history, add_months(business_date(on_date), -months))


@dataclass(frozen=True)
class ClientFacts:
    """What the service knows about the client at the screening date."""

    birth_date: date | None = None
    sex: str | None = None
    care_setting: str | None = None  # the setting in force on the screening date
    weights: Sequence[MeasurementLike] = ()
    heights: Sequence[MeasurementLike] = ()
    muac: Sequence[MeasurementLike] = ()
    calf: Sequence[MeasurementLike] = ()

    def __post_init__(self) -> None:
        for name in ("weights", "heights", "muac", "calf"):
            object.__setattr__(self, name, as_history(getattr(self, name)))
        if self.birth_date is not None and (
            isinstance(self.birth_date, datetime) or not isinstance(self.birth_date, date)
        ):
            raise TypeError(f"birth_date must be a date, got {self.birth_date!r}")
        if self.sex is not None and self.sex not in SEXES:
            raise ValueError(f"sex must be one of {SEXES} or None, got {self.sex!r}")
        if self.care_setting is not None and self.care_setting not in CARE_SETTINGS:
            raise ValueError(f"care_setting must be one of {CARE_SETTINGS}, "
                             f"got {self.care_setting!r}")


__all__ = ["CARE_SETTINGS", "SEXES", "ClientFacts", "Measurement", "as_history",
           "earlier_weight", "latest_on_or_before"]
