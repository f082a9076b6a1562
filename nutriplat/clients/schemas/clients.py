"""The API shape of the client record (single source for validation and OpenAPI)."""
from __future__ import annotations

from collections.abc import Callable

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat import food
from nutriplat.clients import vocabulary as v
from nutriplat.schema_fields import (
    StrictFloat,
    StrictInteger,
    free_text_list,
    not_before_1900,
    not_in_future_date,
    one_of_list,
    text,
)


class AddressSchema(Schema):
    street = text(200, allow_none=True)
    postal_code = fields.String(allow_none=True, validate=validate.Regexp(r"^[0-9A-Za-z -]{2,20}$"))
    city = text(100, allow_none=True)
    country = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[A-Z]{2}$", error="Must be an ISO 3166-1 alpha-2 code, e.g. BE."))


class LocationSchema(Schema):
    lat = StrictFloat(required=True, validate=validate.Range(min=-90, max=90))
    lon = StrictFloat(required=True, validate=validate.Range(min=-180, max=180))


class ReferralSchema(Schema):
    organisation_id = StrictInteger(allow_none=True)
    care_line = fields.String(allow_none=True, validate=validate.OneOf(v.CARE_LINES))
    date = fields.Date(allow_none=True, validate=not_in_future_date)


class ClientSchema(Schema):
    id = fields.Integer(dump_only=True)
    external_ref = fields.String(allow_none=True, validate=validate.Length(min=1, max=64),
                                 metadata={"description": "The client's number in the referrer's system."})
    given_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    family_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    birth_date = fields.Date(required=True, validate=[not_in_future_date, not_before_1900])
    age = fields.Integer(dump_only=True)
    sex = fields.String(required=True, validate=validate.OneOf(v.SEXES))
    phone = fields.String(allow_none=True, validate=validate.Regexp(
        r"^\+?[0-9 ()./-]{6,40}$", error="Must be a telephone number."))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    address = fields.Nested(AddressSchema, allow_none=True)
    location = fields.Nested(LocationSchema, allow_none=True)
    care_setting = fields.String(required=True, validate=validate.OneOf(v.CARE_SETTINGS))
    status = fields.String(validate=validate.OneOf(("referred", "active")),
                           metadata={"description": "Initial status; later changes go through status-changes."})
    conditions = one_of_list(v.CONDITIONS)
    referral = fields.Nested(ReferralSchema, allow_none=True)
    preparation_mode = fields.String(allow_none=True, validate=validate.OneOf(v.PREPARATION_MODES))
    iddsi_food_level = fields.String(validate=validate.OneOf(food.IDDSI_FOOD_LEVELS))
    iddsi_drink_level = fields.String(validate=validate.OneOf(food.IDDSI_DRINK_LEVELS))
    allergies = one_of_list(food.ALLERGENS)
    dislikes = free_text_list()
    delivery_notes = text(2000, allow_none=True)
    version = fields.Integer(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)


def _use_endpoint(path: str) -> Callable[[object], None]:
    def refuse(_value: object) -> None:
        raise ValidationError(f"Cannot be changed here; use POST /api/v1/clients/{{id}}/{path}.")
    return refuse


class ClientUpdateSchema(ClientSchema):
    """PATCH: any subset of the record. Setting and status have their own history
    endpoints because each change needs a date and a reason."""

    care_setting = fields.String(validate=_use_endpoint("care-setting-transfers"))
    status = fields.String(validate=_use_endpoint("status-changes"))
    expected_version = fields.Integer(
        load_only=True, metadata={"description": "The version you read; 409 if the record changed since."})
    reason = fields.String(load_only=True, validate=validate.Length(min=1, max=500),
                           metadata={"description": "Why; kept with the change in the audit log."})


class DietChangeSchema(ClientUpdateSchema):
    """A change of texture, drink level, allergies or preparation mode (a wrong texture
    is a choking risk): the web page's form, with the reason required."""

    reason = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=500))

    class Meta:
        fields = ("iddsi_food_level", "iddsi_drink_level", "allergies", "preparation_mode",
                  "expected_version", "reason")


class ProfileChangeSchema(ClientUpdateSchema):
    """The person and how to reach them: the web page's profile form (texture and allergies
    have their own form, which first shows what a change does to the plans)."""

    class Meta:
        fields = ("external_ref", "given_name", "family_name", "birth_date", "sex", "phone", "email",
                  "address", "conditions", "delivery_notes", "expected_version", "reason")


class ClientQuerySchema(Schema):
    search = fields.String(validate=validate.Length(min=1, max=100),
                           metadata={"description": "Part of the given or family name, the client "
                                                    "number, the referrer's number, the start of the postcode "
                                                    "or a date of birth (1938-06-21 or 21/06/1938)."})
    care_setting = fields.String(validate=validate.OneOf(v.CARE_SETTINGS))
    status = fields.String(validate=validate.OneOf(v.STATUSES))
    postal_code = fields.String(validate=validate.Length(min=1, max=20))
    birth_date = fields.Date(metadata={"description": "The date of birth (YYYY-MM-DD)."})


class DuplicateQuerySchema(Schema):
    """The person about to be registered: who among the clients is likely them."""

    family_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    birth_date = fields.Date(required=True)
    postal_code = fields.String(validate=validate.Length(min=1, max=20))


class TransferSchema(Schema):
    id = fields.Integer(dump_only=True)
    transferred_on = fields.Date(required=True, validate=not_in_future_date)
    from_setting = fields.String(dump_only=True, allow_none=True)
    to_setting = fields.String(required=True, validate=validate.OneOf(v.CARE_SETTINGS))
    facility_id = StrictInteger(load_only=True, metadata={"description": "The facility the ward must be of."})
    ward_id = StrictInteger(allow_none=True, metadata={
        "description": "The ward of a nursing home or hospital the client moves to (home: none)."})
    room = fields.String(allow_none=True, validate=validate.Length(min=1, max=20),
                         metadata={"description": "A room of that ward."})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    recorded_at = fields.AwareDateTime(dump_only=True)


class StatusChangeSchema(Schema):
    id = fields.Integer(dump_only=True)
    changed_on = fields.Date(required=True, validate=not_in_future_date)
    from_status = fields.String(dump_only=True, allow_none=True)
    to_status = fields.String(required=True, validate=validate.OneOf(v.STATUSES))
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    recorded_at = fields.AwareDateTime(dump_only=True)


class CarePlanMarkSchema(Schema):
    needed = fields.Boolean()
    cause = fields.String(allow_none=True)
    since = fields.Date(allow_none=True)


class ClientReadSchema(ClientSchema):
    """A client as read back: any status, not only those a new client starts in."""

    status = fields.String(validate=validate.OneOf(v.STATUSES))


class ClientDetailSchema(ClientReadSchema):
    ward_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "The ward the client lives on (nursing home, hospital), from the last transfer."})
    room = fields.String(dump_only=True, allow_none=True)
    care_plan = fields.Nested(CarePlanMarkSchema, dump_only=True, allow_none=True, metadata={
        "description": "Whether the latest screening or GLIM result calls for a nutritional care plan."})
    setting_history = fields.List(fields.Nested(TransferSchema), dump_only=True)
    status_history = fields.List(fields.Nested(StatusChangeSchema), dump_only=True)
