"""Referral commissions. A new client's referrer earns either a fixed amount, or a
percentage of the client's first N months of subscription (excluding VAT). It is earned
once the client has stayed a qualifying number of days; a client who leaves within that
period takes it back (a clawback of everything accrued for them)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from nutriplat.periods import Month

from .money import ZERO, percent_of


@dataclass(frozen=True)
class Scheme:
    kind: str  # "fixed" or "percentage"
    amount: Decimal | None  # fixed
    percentage: Decimal | None
    months: int | None  # percentage: the first N calendar months from the start
    qualifying_days: int


def earned_on(started_on: date, scheme: Scheme) -> date:
    return started_on + timedelta(days=scheme.qualifying_days)


def left_early(started_on: date, left_on: date | None, scheme: Scheme) -> bool:
    return left_on is not None and left_on < earned_on(started_on, scheme)


def month_number(started_on: date, month: Month) -> int:
    """1 for the month the client started in."""
    return month.months_since(Month.of(started_on)) + 1


def percentage_commission(scheme: Scheme, started_on: date, month: Month,
                          subscription_net: Decimal) -> Decimal:
    """A percentage scheme's accrual for ``month``: a share of that month's subscription
    (excluding VAT) in each of the first N months, nothing after."""
    if scheme.kind != "percentage" or not 1 <= month_number(started_on, month) <= (scheme.months or 0):
        return ZERO
    return percent_of(subscription_net, scheme.percentage or ZERO)
