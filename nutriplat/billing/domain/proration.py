"""Per-day proration of monthly prices. A month's price is spread evenly over its days;
the amount is rounded once per line, so a full month is exactly the monthly price."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .money import cents

QUANTITY = Decimal("0.0001")


def prorate(monthly_price: Decimal, days: int, days_in_month: int, count: int = 1) -> Decimal:
    """``count`` units (appliances) of a monthly price for ``days`` of the month."""
    if not 0 <= days <= days_in_month:
        raise ValueError("days must lie within the month")
    return cents(monthly_price * count * days / days_in_month)


def month_fraction(days: int, days_in_month: int, count: int = 1) -> Decimal:
    """The quantity an invoice line shows: units × billed days ÷ days in the month,
    to four decimals (the amount is computed exactly, not from this rounded figure)."""
    return (Decimal(count * days) / Decimal(days_in_month)).quantize(QUANTITY, ROUND_HALF_UP)
