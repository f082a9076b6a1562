"""Reusable marshmallow pieces shared by the resource schemas."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat.clock import business_today, now
from nutriplat.periods import Month

# Ids are INTEGER columns (PostgreSQL: 32 bits); a larger one cannot exist.
DB_INT_MAX = 2**31 - 1
DB_INT_MIN = -(2**31)

# Clocks of phones and tablets drift; a reading a few minutes ahead is not "future".
CLOCK_SKEW = timedelta(minutes=5)


def not_in_future_date(value: date) -> None:
    if value > business_today():
        raise ValidationError("Must not be in the future.")


def not_before_1900(value: date) -> None:
    if value < date(1900, 1, 1):
        raise ValidationError("Must be on or after 1900-01-01.")


def not_in_future_datetime(value: datetime) -> None:
    if value > now() + CLOCK_SKEW:
        raise ValidationError("Must not be in the future.")


def one_of_list(choices: tuple[str, ...], max_items: int = 50) -> fields.List:
    """A list of distinct identifiers from a fixed vocabulary."""
    return fields.List(
        fields.String(validate=validate.OneOf(choices)),
        validate=[validate.Length(max=max_items), _distinct],
        load_default=None,
    )


def free_text_list(max_items: int = 50, max_length: int = 100) -> fields.List:
    return fields.List(fields.String(validate=validate.Length(min=1, max=max_length)),
                       validate=validate.Length(max=max_items), load_default=None)


def _distinct(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ValidationError("Must not contain duplicates.")


def text(max_length: int, **kwargs: Any) -> fields.String:
    return fields.String(validate=validate.Length(max=max_length), **kwargs)


def decimal_pattern(places: int | None) -> str:
    """A decimal as plain text: digits, and at most ``places`` decimals when given."""
    decimals = "+" if places is None else f"{{1,{places}}}"
    return rf"^-?[0-9]+(\.[0-9]{decimals})?$"


class PageQuerySchema(Schema):
    """Documented for completeness; flask-smorest's paginate() reads these."""

    page = fields.Integer(validate=validate.Range(min=1))
    page_size = fields.Integer(validate=validate.Range(min=1, max=100))


class StrictFloat(fields.Float):
    """A JSON number; "61.5" as a string is a type error, not a number."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> float:
        if isinstance(value, (str, bool)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictInteger(fields.Integer):
    """A JSON integer: no strings, no 2.5."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> int:
        if isinstance(value, (str, bool)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class DecimalText(fields.Decimal):
    """A decimal written as a string ("8.50") and read from a JSON number or from plain
    decimal text (``decimal_pattern``: no exponent, spaces or extra decimals), as the
    OpenAPI document says (see nutriplat.openapi)."""

    @property
    def decimals(self) -> int | None:
        places = getattr(self, "max_places", None)  # Money quantises itself
        if places is None and isinstance(self.places, Decimal):  # marshmallow 4: a quantum, 0.01
            return -int(self.places.as_tuple().exponent)
        if places is None and isinstance(self.places, int):  # marshmallow 3: a count of places
            return self.places
        return places

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None,
                     **kwargs: Any) -> Decimal:
        if isinstance(value, bool) or (
                isinstance(value, str) and not re.fullmatch(decimal_pattern(self.decimals), value)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


MAX_AMOUNT = Decimal("1000000.00")


class Money(DecimalText):
    """Euros (or a price per unit, ``places``) as a decimal string ("12.50"), the one money
    field of every schema; a JSON number is read through its decimal text, so 0.1 stays
    0.1. Below ``minimum`` (0 unless told; excluded when ``positive``) or above ``maximum``
    is refused, naming the bound; NaN and infinity never pass."""

    def __init__(self, maximum: Decimal | None = MAX_AMOUNT, places: int = 2,
                 minimum: Decimal | None = Decimal(0), positive: bool = False, **kwargs: Any) -> None:
        self.max_places, self.minimum, self.maximum, self.positive = places, minimum, maximum, positive
        kwargs["metadata"] = {"type": "string", "format": "decimal", "example": "12.50",
                              **kwargs.get("metadata", {})}
        super().__init__(as_string=True, allow_nan=False, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        if isinstance(value, bool):
            raise self.make_error("invalid")
        number = super()._deserialize(value, attr, data, **kwargs)
        exponent = number.as_tuple().exponent  # an int: allow_nan=False refused NaN and infinity
        if isinstance(exponent, int) and exponent < -self.max_places:
            raise ValidationError("At most two decimals (whole cents)." if self.max_places == 2
                                  else f"At most {self.max_places} decimals.")
        if self.minimum is not None and (number < self.minimum or (self.positive and number == self.minimum)):
            raise ValidationError(f"Must be {'more than' if self.positive else 'at least'} {self.minimum}.")
        if self.maximum is not None and number > self.maximum:
            raise ValidationError(f"Must be at most {self.maximum}.")
        return number.quantize(Decimal(1).scaleb(-self.max_places))

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        if value is None:
            return None
        return str(Decimal(value).quantize(Decimal(1).scaleb(-self.max_places)))


class MonthField(fields.Field):
    """A calendar month as "YYYY-MM", from 1900-01 (as dates are) to 9998-12 (a month's
    neighbours are months too)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Month:
        if not isinstance(value, str):
            raise ValidationError("Must be a month as YYYY-MM.")
        try:
            month = Month.parse(value)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        if not 1900 <= month.year <= 9998:
            raise ValidationError("Must be a month from 1900-01 to 9998-12.")
        return month

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else str(value)
