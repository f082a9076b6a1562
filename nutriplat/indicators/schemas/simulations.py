"""Request and response shapes of a contract simulation."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


class SimulationRequestSchema(Schema):
    draws = fields.Integer(load_default=1000, validate=validate.Range(min=1, max=100_000))
    seed = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**32 - 1),
                          metadata={"description": "The same seed gives the same distribution."})
    source = fields.String(load_default="scenario", validate=validate.OneOf(("scenario", "past_periods")),
                           metadata={"description": "scenario draws, or the agreement's closed periods"})
    version = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "The agreement version simulated (default: the latest, accepted or not)."})
    cohort_size = fields.Integer(validate=validate.Range(min=1, max=1_000_000), metadata={
        "description": "Clients in the cohort (default: the baseline report's)."})
    expected_improvement = fields.Float(load_default=0.0, validate=validate.Range(min=-1, max=1), metadata={
        "description": "Each indicator's improvement over its baseline, a fraction in its better direction."})
    spread = fields.Float(load_default=0.05, validate=validate.Range(min=0, max=1), metadata={
        "description": "Standard deviation of the improvement between draws, a fraction."})
    baselines = fields.Dict(keys=fields.String(), values=fields.Float(allow_nan=False), load_default=dict,
                            metadata={"description": "Baseline values by indicator code where the report has none."})
    first_period = fields.Boolean(load_default=True, metadata={"description": "Include the start budget."})


class SimulationSchema(Schema):
    agreement_id = fields.Integer()
    version = fields.Integer()
    source = fields.String()
    seed = fields.Integer()
    draws = fields.Integer(metadata={"description": "Scenario draws, or past periods settled on paper."})
    cohort_size = fields.Integer()
    mean = fields.String()
    p10 = fields.String(metadata={"description": "Payment to the provider (EUR), 10th percentile."})
    p50 = fields.String()
    p90 = fields.String()
    min = fields.String()
    max = fields.String()
    rules = fields.Integer()
    lines = fields.List(fields.Dict(), metadata={"description": "Per payment rule: its distribution."})
    risk = fields.Dict(metadata={"description": "Each party's risk."})
    sensitivity = fields.List(fields.Dict(), metadata={"description": "Per dial, moved down and up."})
    histogram = fields.Dict()
    periods = fields.List(fields.Dict())
    skipped = fields.List(fields.Dict())
