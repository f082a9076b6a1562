"""Reusable marshmallow pieces shared by the resource schemas."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat.clock import business_today, now

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


def text(max_length: int, **kwargs: object) -> fields.String:
    return fields.String(validate=validate.Length(max=max_length), **kwargs)  # type: ignore[arg-type]


class PageQuerySchema(Schema):
    """Documented for completeness; flask-smorest's paginate() reads these."""

    page = fields.Integer(validate=validate.Range(min=1))
    page_size = fields.Integer(validate=validate.Range(min=1, max=100))


class StrictFloat(fields.Float):
    """A JSON number; "61.5" as a string is a type error, not a number."""

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(value, (str, bool)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictInteger(fields.Integer):
    """A JSON integer: no strings, no 2.5."""

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(value, (str, bool)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)
