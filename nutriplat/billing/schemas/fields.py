"""Money, percentages and months as the API writes them: decimal strings, never floats."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from nutriplat.schema_fields import Money, MonthField

__all__ = ["MonthField", "percent", "signed_money"]


def percent(**kwargs: Any) -> Money:
    return Money(maximum=Decimal(100), **kwargs)


def signed_money(**kwargs: Any) -> Money:
    """For output (credit notes, discounts are negative)."""
    return Money(minimum=None, maximum=None, dump_only=True, **kwargs)
