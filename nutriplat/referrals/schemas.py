"""The API shape of a referral (single source for validation and OpenAPI).

A referrer reads the referral's own fields and status (``SentReferralSchema``), never what the
provider made of it; the provider's staff also see the client it became (``InboxReferralSchema``)."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat import food
from nutriplat.clients import vocabulary as client_vocabulary
from nutriplat.clients.schemas.clients import AddressSchema
from nutriplat.referrals import domain
from nutriplat.schema_fields import StrictInteger, not_before_1900, not_in_future_date, one_of_list
from nutriplat.screening.domain import INSTRUMENTS


class ReferralAddressSchema(AddressSchema):
    class Meta:
        exclude = ("country",)


class ScreeningDoneSchema(Schema):
    """The risk screen the referrer did, if any: which instrument and what it gave."""

    instrument = fields.String(required=True, validate=validate.OneOf(sorted(INSTRUMENTS)))
    result = fields.String(required=True, validate=validate.Length(min=1, max=100))


class LetterSchema(Schema):
    content_type = fields.String(dump_only=True)
    title = fields.String(dump_only=True, allow_none=True)
    size = fields.Integer(dump_only=True, allow_none=True)


class SentReferralSchema(Schema):
    id = fields.Integer(dump_only=True)
    provider_id = StrictInteger(required=True, metadata={
        "description": "The provider organisation the referral is sent to."})
    given_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    family_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    birth_date = fields.Date(required=True, validate=[not_in_future_date, not_before_1900])
    sex = fields.String(allow_none=True, validate=validate.OneOf(client_vocabulary.SEXES))
    phone = fields.String(allow_none=True, validate=validate.Regexp(
        r"^\+?[0-9 ()./-]{6,40}$", error="Must be a telephone number."))
    address = fields.Nested(ReferralAddressSchema, allow_none=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=4000))
    urgency = fields.String(required=True, validate=validate.OneOf(domain.URGENCIES))
    screening = fields.Nested(ScreeningDoneSchema, allow_none=True)
    iddsi_food_level = fields.String(allow_none=True, validate=validate.OneOf(food.IDDSI_FOOD_LEVELS))
    iddsi_drink_level = fields.String(allow_none=True, validate=validate.OneOf(food.IDDSI_DRINK_LEVELS))
    allergies = one_of_list(food.ALLERGENS)
    consent_for_care = fields.Boolean(required=True, validate=validate.Equal(
        True, error="The person's consent for care must be recorded before referring."))
    organisation_id = fields.Integer(dump_only=True, metadata={"description": "The referring organisation."})
    referred_by = fields.Integer(dump_only=True, allow_none=True, metadata={"description": "The referring user."})
    source = fields.String(dump_only=True, metadata={"description": "api or fhir."})
    letter = fields.Nested(LetterSchema, dump_only=True, allow_none=True)
    status = fields.String(dump_only=True, metadata={"description": " → ".join(domain.STATUSES)})
    decline_reason = fields.String(dump_only=True, allow_none=True)
    received_at = fields.AwareDateTime(dump_only=True)
    triaged_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    accepted_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    declined_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    activated_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    ended_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class InboxReferralSchema(SentReferralSchema):
    """A referral as the provider's staff read it (a referrer's view leaves these out)."""

    client_id = fields.Integer(dump_only=True, allow_none=True)
    handled_by = fields.Integer(dump_only=True, allow_none=True)


class ReferralQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(domain.STATUSES))


class AcceptSchema(Schema):
    link_client_id = StrictInteger(allow_none=True, metadata={
        "description": "Link this existing client of your organisation instead of registering one."})
    client_id = StrictInteger(allow_none=True, metadata={"description": "Same as link_client_id."})
    create_anyway = fields.Boolean(load_default=False, metadata={
        "description": "Register a new client although a likely duplicate exists."})
    care_setting = fields.String(load_default="home", validate=validate.OneOf(client_vocabulary.CARE_SETTINGS))


class DeclineSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500), metadata={
        "description": "Shown to the referrer."})
