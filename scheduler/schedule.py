"""When each job fires (cron, Europe/Brussels) and which period a firing runs.

A daily job's period is a business date, so it is one per local day whatever the clock
does: on the spring-forward Sunday 02:00 does not exist and APScheduler fires at the
switch (03:00 CEST), and on the fall-back Sunday 02:00 happens twice on the wall clock
and ``OncePerWallTime`` keeps the first (CEST) — the test suite checks both."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from apscheduler.triggers.cron import CronTrigger

from nutriplat.clock import BRUSSELS, business_date
from nutriplat.jobs.registry import JOBS, Period
from nutriplat.periods import last_complete_month

# How far back the last due firing is looked for: beyond the longest interval (a month).
LOOKBACK = timedelta(days=40)


class OncePerWallTime(CronTrigger):
    """APScheduler 3 fires a time in the repeated autumn hour twice (02:00 CEST, then
    02:00 CET); this trigger fires it once."""

    def get_next_fire_time(self, previous: datetime | None, now: datetime) -> datetime | None:
        fire = super().get_next_fire_time(previous, now)
        if fire is not None and previous is not None and _wall(fire) == _wall(previous):
            fire = super().get_next_fire_time(fire, after(fire))
        return fire


def _wall(at: datetime) -> datetime:
    return at.astimezone(BRUSSELS).replace(tzinfo=None)


def after(fire: datetime) -> datetime:
    """A second after a firing, normalised through UTC (wall-clock arithmetic on an aware
    datetime in the repeated hour would land on the firing again)."""
    return (fire.astimezone(UTC) + timedelta(seconds=1)).astimezone(BRUSSELS)


@dataclass(frozen=True)
class Entry:
    job: str
    cron: dict[str, Any]
    period_of: Callable[[date], Period]  # the business date of a firing -> the job's period
    why: str

    def trigger(self) -> CronTrigger:
        return OncePerWallTime(timezone=BRUSSELS, **self.cron)

    def period_at(self, fired_at: datetime) -> Period:
        return self.period_of(business_date(fired_at))

    def last_due(self, now: datetime) -> datetime | None:
        """The latest firing at or before ``now`` (what catch-up runs when it has not succeeded)."""
        trigger, last = self.trigger(), None
        fire = trigger.get_next_fire_time(None, now - LOOKBACK)
        while fire is not None and fire <= now:
            last = fire
            fire = trigger.get_next_fire_time(fire, after(fire))
        return last


SCHEDULE = (
    Entry("early-warning", {"hour": 1, "minute": 0}, lambda d: d - timedelta(days=1),
          "01:00: the sweep over the day that just ended"),
    Entry("reorder", {"hour": 2, "minute": 0}, lambda d: d,
          "02:00: consumption of the days before, the day's home delivery orders"),
    Entry("invoicing", {"day": 1, "hour": 3, "minute": 0}, last_complete_month,
          "1st of the month 03:00: the month just completed"),
    Entry("indicator-snapshot", {"day": 2, "hour": 4, "minute": 0}, last_complete_month,
          "2nd of the month 04:00: the month just completed, after its invoicing"),
    Entry("rescreening-worklist", {"hour": 6, "minute": 0}, lambda d: d,
          "06:00: the day's rescreening work list, before the dietitians start"),
    Entry("route-plans", {"hour": 14, "minute": 0}, lambda d: d + timedelta(days=1),
          "14:00, after the order cut-off: tomorrow's routes"),
    Entry("notification-retries", {"hour": 7, "minute": 30}, lambda d: d,
          "07:30: external sends refused since yesterday's run tried again, before the day's work starts"),
    Entry("audit-log", {"day": 1, "hour": 0, "minute": 30}, last_complete_month,
          "1st of the month 00:30: the audit log's partitions ahead, entries past the retention gone"),
    Entry("ward-orders", {"hour": 1, "minute": 30}, lambda d: d,
          "01:30: each served ward's orders for the delivery days whose cut-off is still ahead"),
)


def scheduled(entries: Iterable[Entry] = SCHEDULE) -> tuple[list[Entry], list[Entry]]:
    """The entries whose job is registered, and those left out (a package not installed yet)."""
    entries = list(entries)
    return [e for e in entries if e.job in JOBS], [e for e in entries if e.job not in JOBS]
