"""How the API reads a request's body and query: webargs as flask-smorest uses it, with
the two rules the OpenAPI document states for every operation (issue 14's fuzzing)."""
from __future__ import annotations

from typing import Any

from flask_smorest import abort
from marshmallow import ValidationError
from webargs import core
from webargs.flaskparser import FlaskParser

from nutriplat.schema_fields import DB_INT_MAX, DB_INT_MIN


class RequestParser(FlaskParser):
    """- A required JSON body that is absent (or not JSON) is a 400; webargs would read
      it as {}, which a PATCH without required fields accepts.
    - Every integer fits the database's INTEGER: ids, counts and quantities are stored
      or compared in such columns, and a larger one is a 422 naming the field, never a
      query that fails ("integer out of range" on PostgreSQL, OverflowError on SQLite)."""

    def load_json(self, req, schema):  # type: ignore[no-untyped-def]
        data = super().load_json(req, schema)
        if data is core.missing:
            abort(400, messages={"json": ["A JSON body is required."]})
        return data

    def _process_location_data(self, location_data, schema, req, location, unknown,  # type: ignore[no-untyped-def]
                               validators):
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
    elif isinstance(value, int) and not isinstance(value, bool) and not DB_INT_MIN <= value <= DB_INT_MAX:
        return [f"Must be between {DB_INT_MIN} and {DB_INT_MAX}."]
    else:
        return None
    return {key: error for key, error in found.items() if error} or None
