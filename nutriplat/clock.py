"""Business dates live in Europe/Brussels; timestamps in UTC (DESIGN.md)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def business_today() -> date:
    return datetime.now(BRUSSELS).date()


def business_date(at: datetime) -> date:
    return at.astimezone(BRUSSELS).date()


def age_on(birth_date: date, on: date) -> int:
    """Completed years."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def utc(at: datetime) -> datetime:
    return at.astimezone(UTC)
