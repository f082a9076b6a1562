"""Money, percentages and months as the API writes them: decimal strings, never floats."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import ValidationError, fields

from nutriplat.periods import Month
from nutriplat.schema_fields import DecimalText

MAX_AMOUNT = Decimal("1000000.00")


class Money(DecimalText):
    """Euros with at most two decimals, as a decimal string ("12.50"); a JSON number is
    read through its decimal text, so 0.1 stays 0.1. Below ``minimum`` (0 unless told;
    excluded when ``positive``) or above ``maximum`` is refused, naming the bound."""

    def __init__(self, maximum: Decimal | None = MAX_AMOUNT, places: int = 2,
                 minimum: Decimal | None = Decimal(0), positive: bool = False, **kwargs: Any) -> None:
        self.max_places, self.minimum, self.maximum, self.positive = places, minimum, maximum, positive
        kwargs["metadata"] = {"type": "string", "format": "decimal", "example": "12.50",
                              **kwargs.get("metadata", {})}
        super().__init__(as_string=True, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        if isinstance(value, bool):
            raise self.make_error("invalid")
        number = super()._deserialize(value, attr, data, **kwargs)
        if number.as_tuple().exponent < -self.max_places:  # type: ignore[operator]
            raise ValidationError(f"At most {self.max_places} decimals.")
        if self.minimum is not None and (number < self.minimum or (self.positive and number == self.minimum)):
            raise ValidationError(f"Must be {'more than' if self.positive else 'at least'} {self.minimum}.")
        if self.maximum is not None and number > self.maximum:
            raise ValidationError(f"Must be at most {self.maximum}.")
        return number.quantize(Decimal(1).scaleb(-self.max_places))

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        if value is None:
            return None
        return str(Decimal(value).quantize(Decimal(1).scaleb(-self.max_places)))


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
