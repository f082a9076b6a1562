"""What logistics staff see of a client: enough to deliver the right meals to the right
door — name, address, phone, access notes, texture levels and allergies — and nothing
clinical (no conditions, care plan or diagnosis, birth date, referral, care setting).
The one place that chooses a client's shape by the caller's role."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from nutriplat.auth import roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.schemas.clients import AddressSchema, ClientDetailSchema, ClientReadSchema, LocationSchema


class LogisticsClientSchema(Schema):
    id = fields.Integer()
    given_name = fields.String()
    family_name = fields.String()
    phone = fields.String(allow_none=True)
    address = fields.Nested(AddressSchema, allow_none=True)
    location = fields.Nested(LocationSchema, allow_none=True)
    status = fields.String(metadata={"description": "Whether meals go out at all (active) or not."})
    delivery_notes = fields.String(allow_none=True, metadata={"description": "Access notes for the driver."})
    preparation_mode = fields.String(allow_none=True, metadata={"description": "How the meals are regenerated."})
    iddsi_food_level = fields.String(allow_none=True)
    iddsi_drink_level = fields.String(allow_none=True)
    allergies = fields.List(fields.String())
    version = fields.Integer()


# Registered in the OpenAPI document (nutriplat.app._register_api), named by the responses below.
SCHEMAS = {"LogisticsClient": LogisticsClientSchema, "ClientRead": ClientReadSchema}
_BY_ROLE = "Logistics staff get the LogisticsClient view (nothing clinical); other roles the full record."


def response_doc(full: str, many: bool = False) -> dict[str, Any]:
    """The OpenAPI 200 response: the full record or the logistics view, by role."""
    shape: dict[str, Any] = {"anyOf": [{"$ref": f"#/components/schemas/{full}"},
                                       {"$ref": "#/components/schemas/LogisticsClient"}]}
    response: dict[str, Any] = {"description": _BY_ROLE}
    if many:
        # A list pages: this replaces the response paginate() documents, so name its header.
        shape = {"type": "array", "items": shape}
        response["headers"] = {"X-Pagination": {"$ref": "#/components/headers/PAGINATION"}}
    response["content"] = {"application/json": {"schema": shape}}
    return {"responses": {"200": response}}


def dump(actor: Actor, client: Any, detail: bool = True) -> Any:
    """A client (or a list of clients) in the shape the actor's role may see."""
    many = isinstance(client, list)
    if actor.role == roles.LOGISTICS:
        return LogisticsClientSchema(many=many).dump(client)
    return (ClientDetailSchema if detail else ClientReadSchema)(many=many).dump(client)
