"""Request and response shapes of indicator definitions and result-based agreements."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.clock import business_today
from nutriplat.indicators import versions
from nutriplat.indicators.cohort import LISTS
from nutriplat.indicators.payments import KINDS as RULE_KINDS
from nutriplat.indicators.schemas import PERIOD
from nutriplat.indicators.schemas.method import MeasurementSchema, OutcomeSchema
from nutriplat.indicators.vocabulary import AIMS, FLAGS, MEASURES
from nutriplat.periods import KINDS as PERIOD_KINDS
from nutriplat.schema_fields import DecimalText, one_of_list


class IndicatorSchema(Schema):
    code = fields.String()
    version = fields.Integer()
    built_in = fields.Function(lambda d: d.organisation_id is None)
    organisation_id = fields.Integer(allow_none=True)
    name = fields.String()
    definition = fields.String()
    type = fields.String()
    dimension = fields.String(metadata={"description": "Aim: health, experience, cost, staff_wellbeing or equity."})
    numerator = fields.Dict()
    denominator = fields.Dict()
    multiplier = fields.String()
    unit = fields.String()
    decimals = fields.Integer()
    higher_is_better = fields.Boolean()
    period_type = fields.String()
    disaggregations = fields.List(fields.String())


class IndicatorDefinitionInSchema(Schema):
    """An indicator as data; checked as a whole by ``definition_rules`` (each problem named
    by its part, e.g. ``numerator.of``) before anything is stored."""

    code = fields.String(required=True, validate=validate.Length(max=60))
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    definition = fields.String(required=True, validate=validate.Length(min=1, max=4000))
    type = fields.String(required=True)
    dimension = fields.String(required=True, metadata={"description": "Aim dimension: " + ", ".join(AIMS)})
    numerator = fields.Dict(required=True, metadata={"description": (
        '{"aggregate": "count", "where": [flags]} or {"aggregate": "sum", "of": measure, "where": [flags], '
        '"scale": "0.01"}. Measures: ' + ", ".join(sorted(MEASURES)) + ". Flags: " + ", ".join(sorted(FLAGS))
        + ". Or over the staff survey's respondents, never mixed with the clients': staff_score, where "
          "[\"staff_respondent\"] (quarterly, breakdown staff_group only).")})
    denominator = fields.Dict(load_default=None, metadata={"description": "An aggregate, as the numerator."})
    multiplier = fields.String(load_default="100", validate=validate.Length(max=20))
    unit = fields.String(load_default="%", validate=validate.Length(max=40))
    decimals = fields.Integer(load_default=1, validate=validate.Range(min=0, max=6))
    higher_is_better = fields.Boolean(load_default=True)
    period_type = fields.String(load_default="month")
    disaggregations = fields.List(fields.String(), load_default=list, validate=validate.Length(max=10))


class CohortSchema(Schema):
    conditions_any = one_of_list(LISTS["conditions_any"])
    care_settings = one_of_list(LISTS["care_settings"])  # the setting at referral
    regions = one_of_list(LISTS["regions"])
    postal_codes = fields.List(fields.String(validate=validate.Length(min=4, max=10)),
                               validate=validate.Length(max=200), load_default=None)
    referral_organisation_ids = fields.List(fields.Integer(), validate=validate.Length(max=50),
                                            load_default=None)
    referred_from = fields.Date(load_default=None)
    referred_until = fields.Date(load_default=None)
    min_age = fields.Integer(validate=validate.Range(min=0, max=120), load_default=None)
    max_age = fields.Integer(validate=validate.Range(min=0, max=120), load_default=None)


class AgreementIndicatorSchema(MeasurementSchema):
    code = fields.String(required=True, validate=validate.Length(max=60))
    version = fields.Integer(validate=validate.Range(min=1), metadata={"description": "Default: the latest."})
    name = fields.String(dump_only=True)
    target = DecimalText(allow_none=True, as_string=True, places=None, allow_nan=False)


class PaymentRuleSchema(Schema):
    position = fields.Integer(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf(RULE_KINDS))
    params = fields.Dict(required=True, metadata={"description": (
        "per_client_outcome: indicator, price_per_client, cap · threshold: indicator, bonus, clawback, "
        "floor · shared_savings: expected_cost_per_client_month, share, cost_per_admission, "
        "quality_indicators, cap · start_budget: amount. Amounts in euros as decimal strings.")})


class OutcomeAgreementSchema(Schema):
    cofinancer_id = fields.Integer(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    cohort = fields.Nested(CohortSchema, load_default=dict)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    baseline_period = fields.String(required=True, metadata=PERIOD)
    settlement_period = fields.String(load_default="quarter", validate=validate.OneOf(PERIOD_KINDS))
    indicators = fields.List(fields.Nested(AgreementIndicatorSchema), required=True,
                             validate=validate.Length(max=50))
    payment_rules = fields.List(fields.Nested(PaymentRuleSchema), load_default=list,
                                validate=validate.Length(max=20))
    outcomes = fields.List(fields.Nested(OutcomeSchema), load_default=list, validate=validate.Length(max=20),
                           metadata={"description": "The method: outcomes (aim dimension) → objectives → indicators."})


class FrozenIndicatorSchema(MeasurementSchema):
    code = fields.String(attribute="definition.code")
    version = fields.Integer(attribute="definition.version")
    name = fields.String(attribute="definition.name")
    unit = fields.String(attribute="definition.unit")
    target = fields.Function(lambda item: None if item.target is None
                             else format(item.target.normalize(), "f"))


class VersionSchema(Schema):
    version = fields.Integer()
    effective_from = fields.String(metadata={"description": "The first reporting period it settles."})
    status = fields.String(metadata={"description": "draft, proposed or accepted"})
    terms = fields.Dict(metadata={"description": (
        "Everything negotiated — indicators (definition version, target, instrument, measured_by, data_source, "
        "frequency, audit_rule), cohort, outcomes, targets and payment rules — frozen when proposed.")})
    checksum = fields.String(allow_none=True, metadata={"description": "SHA-256 of the terms both parties see."})
    proposed_at = fields.AwareDateTime(allow_none=True)
    accepted_at = fields.AwareDateTime(allow_none=True)


class OutcomeAgreementOutSchema(Schema):
    id = fields.Integer()
    organisation_id = fields.Integer()
    cofinancer_id = fields.Integer()
    name = fields.String()
    cohort = fields.Dict()
    starts_on = fields.Date()
    ends_on = fields.Date()
    baseline_period = fields.String()
    settlement_period = fields.String()
    indicators = fields.List(fields.Nested(FrozenIndicatorSchema))
    payment_rules = fields.List(fields.Nested(PaymentRuleSchema), attribute="rules")
    outcomes = fields.List(fields.Nested(OutcomeSchema))
    status = fields.Function(lambda a: versions.status(a, business_today()), metadata={
        "description": "draft, proposed, accepted, active (accepted, within its term) or ended."})
    versions = fields.List(fields.Nested(VersionSchema))
    created_at = fields.AwareDateTime()


class AcceptanceSchema(Schema):
    version = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "The proposed version accepted (default: the one proposed)."})
    checksum = fields.String(validate=validate.Length(equal=64), metadata={
        "description": "The checksum of the terms read; refused (409) if the proposal differs."})


class RenegotiationSchema(Schema):
    effective_from = fields.String(required=True, metadata={
        "description": "The first reporting period the new terms settle (none settled yet)."})
    targets = fields.Dict(keys=fields.String(), values=DecimalText(allow_none=True, as_string=True, places=None,
                                                                   allow_nan=False),
                          load_default=dict, metadata={"description": "New targets by indicator code."})
    payment_rules = fields.List(fields.Nested(PaymentRuleSchema), load_default=None, validate=validate.Length(max=20),
                                metadata={"description": "The new payment rules (default: the previous version's)."})
    indicators = fields.List(fields.Nested(AgreementIndicatorSchema), load_default=None,
                             validate=validate.Length(max=50), metadata={"description": (
                                 "The new indicator set, each with its target and how it is measured (default: the "
                                 "previous version's). Changing the set, a data source or the cohort starts from a "
                                 "period whose report is not made yet.")})
    cohort = fields.Nested(CohortSchema, load_default=None, metadata={"description": "Default: the previous one."})
    outcomes = fields.List(fields.Nested(OutcomeSchema), load_default=None, validate=validate.Length(max=20),
                           metadata={"description": "Outcomes → objectives → indicators (default: the previous)."})
