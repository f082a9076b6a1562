"""Money, percentages and months as the API writes them: decimal strings, never floats."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import ValidationError, fields

from nutriplat.periods import Month
from nutriplat.schema_fields import Money


def percent(**kwargs: Any) -> Money:
    return Money(maximum=Decimal(100), **kwargs)


def signed_money(**kwargs: Any) -> Money:
    """For output (credit notes, discounts are negative)."""
    return Money(minimum=None, maximum=None, dump_only=True, **kwargs)


class MonthField(fields.Field):
    """A calendar month as "YYYY-MM"."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Month:
        if not isinstance(value, str):
            raise ValidationError("Must be a month as YYYY-MM.")
        try:
            return Month.parse(value)
        except ValueError as error:
            raise ValidationError(str(error)) from error

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else str(value)
