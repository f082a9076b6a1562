"""Request and response shapes of the anonymised indicator reports and their trend charts."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.indicators.schemas import PERIOD


class ReportQuerySchema(Schema):
    agreement_id = fields.Integer(required=True)
    period = fields.String(metadata={**PERIOD, "description": "One of the agreement's closed reporting "
                                     "periods (its kind: month, quarter or year) or its baseline period; "
                                     "any other period is refused. Default: the last closed one."})
    format = fields.String(load_default="json", validate=validate.OneOf(("json", "csv", "xlsx")))


class TrendQuerySchema(Schema):
    agreement_id = fields.Integer(required=True)
    indicator = fields.String(required=True)
    period = fields.String(metadata={**PERIOD, "description": "The last reporting period shown (default: "
                                                              "the last closed one)."})


class RowSchema(Schema):
    indicator = fields.String()
    period = fields.String()
    disaggregation = fields.Dict(keys=fields.String(), values=fields.String())
    numerator = fields.Float(allow_none=True)
    denominator = fields.Float(allow_none=True)
    value = fields.Float(allow_none=True)
    suppressed = fields.Boolean()
    no_data = fields.String(allow_none=True, metadata={
        "description": "Why the indicator has no value: a source without data for the period (null: it has data)."})


class ReportSchema(Schema):
    agreement_id = fields.Integer()
    agreement_name = fields.String()
    period = fields.String()
    baseline_period = fields.String()
    report_date = fields.Date()
    suppression_threshold = fields.Integer(dump_default=5)
    indicators = fields.List(fields.Dict())
    rows = fields.List(fields.Nested(RowSchema))
    charts = fields.List(fields.Dict(), metadata={"description": "Trend chart (PNG) per indicator."})
