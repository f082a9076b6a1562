"""A client's delivery schedule: the weekdays a van comes, and the order cut-off (a time
of day, ``lead_time_days`` before the delivery). Times are Europe/Brussels wall-clock."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .home import DeliverySlot

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DeliverySchedule:
    weekdays: frozenset[int]  # 0 = Monday
    lead_time_days: int = 1
    cutoff: time = time(14, 0)

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("a schedule needs at least one weekday (0 = Monday … 6 = Sunday)")
        if self.lead_time_days < 0:
            raise ValueError("lead time must be >= 0 days")

    def cutoff_at(self, delivery: date) -> datetime:
        return datetime.combine(delivery - timedelta(days=self.lead_time_days), self.cutoff)

    def is_open(self, delivery: date, now: datetime) -> bool:
        """Whether an order for ``delivery`` can still be placed at ``now`` (naive, local)."""
        return now < self.cutoff_at(delivery)

    def slots(self, now: datetime, horizon_days: int = 21) -> list[DeliverySlot]:
        """The regular delivery days still open for orders, soonest first."""
        start = now.date()
        return [DeliverySlot(day) for day in (start + timedelta(days=i) for i in range(horizon_days + 1))
                if day.weekday() in self.weekdays and self.is_open(day, now)]

    def earliest_delivery(self, now: datetime) -> date:
        """The first day any delivery (an extra one too) can still be ordered for."""
        day = now.date()
        while not self.is_open(day, now):
            day += timedelta(days=1)
        return day
