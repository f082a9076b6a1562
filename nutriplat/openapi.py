"""What the OpenAPI document says must be what the API does (issue 14's fuzzing).

General rules, applied once for every route and schema rather than per field:
- an id in a URL is a database INTEGER: the ``int`` converter refuses anything beyond
  its range, so such a path is a 404 before any query (PostgreSQL would fail with
  "integer out of range", SQLite with an OverflowError); every integer read from a body
  or a query is documented with that range, which nutriplat.parsing enforces (422);
- a decimal written as a string ("8.50") is documented as what it is: a decimal string,
  also accepted as a JSON number on input, with numeric bounds (apispec serialises a
  Range through the field, which made them strings, an invalid document)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from apispec import BasePlugin
from apispec.ext.marshmallow.common import resolve_schema_instance
from flask import Flask
from flask_smorest import Api
from marshmallow import Schema, fields
from werkzeug.routing import IntegerConverter, Map

from nutriplat.schema_fields import DB_INT_MAX, DB_INT_MIN, DecimalText, decimal_pattern


class DatabaseId(IntegerConverter):
    """``<int:…>``: a positive id within the database's INTEGER range."""

    def __init__(self, map: Map, fixed_digits: int = 0, min: int = 1, max: int = DB_INT_MAX,  # noqa: A002
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def use_database_ids(app: Flask) -> None:
    """Before any route is added: rules bind their converter when they are created."""
    app.url_map.converters["int"] = DatabaseId


def document(api: Api) -> None:
    """Before any blueprint is registered (each path is documented as it is added)."""
    plugin = _OptionalBodies()
    plugin.init_spec(api.spec)
    api.spec.plugins.insert(0, plugin)  # before marshmallow's turns schemas into refs
    api.register_converter(DatabaseId, lambda c: {"type": "integer", "minimum": c.min, "maximum": c.max})
    api.ma_plugin.converter.add_attribute_function(_decimal_string)
    api.ma_plugin.converter.add_attribute_function(_integer_range)


class _OptionalBodies(BasePlugin):
    """A body none of whose fields is required may be left out (webargs reads it as {}:
    an approval without a note, a PATCH changing nothing), so the document says so."""

    def operation_helper(self, path: str | None = None, operations: dict | None = None,
                         **kwargs: Any) -> None:
        for operation in (operations or {}).values():
            body: dict[str, Any] = (operation.get("requestBody") or {}) if isinstance(operation, dict) else {}
            for content in body.get("content", {}).values():
                schema = content.get("schema")
                if isinstance(schema, (Schema, type)):
                    schema = resolve_schema_instance(schema)
                if isinstance(schema, Schema) and (schema.partial is True or not any(
                        f.required for f in schema.fields.values() if not f.dump_only)):
                    body["required"] = False


def _integer_range(self: Any, field: fields.Field, ret: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """What nutriplat.parsing enforces on every integer read from a request."""
    if not isinstance(field, fields.Integer) or field.dump_only:
        return {}
    return {"minimum": ret.get("minimum", DB_INT_MIN), "maximum": ret.get("maximum", DB_INT_MAX)}


def _number(value: Any) -> int | float:
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def _decimal_string(self: Any, field: fields.Field, ret: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    if not isinstance(field, fields.Decimal) or not field.as_string:
        return {}
    decimals = field.decimals if isinstance(field, DecimalText) else None
    text: dict[str, Any] = {"type": "string", "format": "decimal", "pattern": decimal_pattern(decimals)}
    if ret.pop("nullable", False):
        text["nullable"] = True
    for key in ("type", "format"):
        ret.pop(key, None)
    bounds = {name: _number(ret.pop(key)) for key, name in (
        ("minimum", "minimum"), ("maximum", "maximum"), ("x-minimum", "minimum"),
        ("x-maximum", "maximum")) if key in ret}
    for name in ("minimum", "maximum"):  # Money checks its own bounds
        if isinstance(getattr(field, name, None), Decimal):
            bounds.setdefault(name, _number(getattr(field, name)))
    if field.dump_only:
        return text  # written only ever as a string
    number: dict[str, Any] = {"type": "number", **bounds}
    if "nullable" in text:
        number["nullable"] = True
    return {"anyOf": [text, number]}
