"""How the API reads a request's body and query: webargs as flask-smorest uses it, with
the rules the OpenAPI document states for every operation (issue 14's fuzzing)."""
from __future__ import annotations

from typing import Any

from flask import Request
from marshmallow import Schema, ValidationError, fields
from webargs.flaskparser import FlaskParser

from nutriplat.schema_fields import DB_INT_MAX, DB_INT_MIN


class RequestParser(FlaskParser):
    """- A JSON body has the JSON types the document names: marshmallow would also take
      "5" or 5.0 for an integer and 0 or "yes" for a boolean (fine in a query string).
    - Every integer fits the database's INTEGER: ids, counts and quantities are stored
      or compared in such columns, and a larger one is a 422 naming the field, never a
      query that fails ("integer out of range" on PostgreSQL, OverflowError on SQLite)."""

    def _process_location_data(
            self, location_data: Any, schema: Schema, req: Request, location: str, unknown: str | None,
            validators: list[Any]) -> Any:
        errors = wrong_json_types(schema, location_data) if location == "json" else None
        if errors:
            raise ValidationError(errors)
        data = super()._process_location_data(location_data, schema, req, location, unknown, validators)
        errors = out_of_range(data)
        if errors:
            raise ValidationError(errors)
        return data


def out_of_range(value: Any) -> Any:
    """The errors, shaped like marshmallow's, for the integers in parsed data that the
    database cannot hold."""
    if isinstance(value, dict):
        found = {key: out_of_range(item) for key, item in value.items()}
    elif isinstance(value, (list, tuple)):
        found = {index: out_of_range(item) for index, item in enumerate(value)}
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        # An object made by a post_load (flask-smorest's PaginationParameters): its own
        # integers only, no walk through whatever else it refers to.
        found = {key: out_of_range(item) for key, item in vars(value).items() if isinstance(item, int)}
    elif isinstance(value, int) and not isinstance(value, bool) and not DB_INT_MIN <= value <= DB_INT_MAX:
        return [f"Must be between {DB_INT_MIN} and {DB_INT_MAX}."]
    else:
        return None
    return {key: error for key, error in found.items() if error} or None


def wrong_json_types(schema: Schema, data: Any) -> dict[str, Any] | None:
    """Booleans, integers and numbers of a JSON body that are not that JSON type."""
    if not isinstance(data, dict):
        return None  # marshmallow says so itself
    found = {}
    for name, field in schema.fields.items():
        key = field.data_key or name
        if not field.dump_only and key in data:
            found[key] = _type_error(field, data[key])
    return {key: error for key, error in found.items() if error} or None


def _type_error(field: fields.Field, value: Any) -> Any:
    if value is None:
        return None  # allow_none is marshmallow's to check
    if isinstance(field, fields.Nested) and isinstance(field.schema, Schema):
        if field.many and isinstance(value, list):
            found = {i: wrong_json_types(field.schema, item) for i, item in enumerate(value)}
            return {i: error for i, error in found.items() if error} or None
        return wrong_json_types(field.schema, value)
    if isinstance(field, fields.List) and isinstance(value, list):
        return {i: e for i, item in enumerate(value) if (e := _type_error(field.inner, item))} or None
    if isinstance(value, bool):  # an int to Python, not to JSON
        return ["Not a valid number."] if isinstance(field, fields.Number) else None
    if isinstance(field, fields.Boolean):
        return ["Not a valid boolean."]
    if isinstance(field, fields.Integer) and not isinstance(value, int):
        return ["Not a valid integer."]
    if isinstance(field, fields.Float) and not isinstance(value, (int, float)):
        return ["Not a valid number."]
    return None
