"""Route plans: the solve request, status and progress, the result, edits, confirmations."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.delivery.schemas.proofs import ProofSchema, ProofViewSchema
from nutriplat.delivery.vocabulary import MAX_TIME_LIMIT_S, OUTCOMES, RUN_STATUSES
from nutriplat.schema_fields import StrictFloat, StrictInteger, text

TIME_LIMIT = validate.Range(min=0, min_inclusive=False, max=MAX_TIME_LIMIT_S,
                            error=f"Must be more than 0 and at most {MAX_TIME_LIMIT_S:g} seconds.")
Stamp = fields.AwareDateTime


class RoutePlanRequestSchema(Schema):
    depot_id = StrictInteger(required=True, metadata={"description": "The depot's warehouse id."})
    date = fields.Date(required=True, metadata={"description": "The delivery day."})
    time_limit_s = StrictFloat(load_default=10.0, validate=TIME_LIMIT)


class RoutePlanQuerySchema(Schema):
    date = fields.Date(required=True)
    depot_id = fields.Integer()


class SolveProgressSchema(Schema):
    fraction = fields.Float(metadata={"description": "Share of the time limit used (1.0 when done)."})
    best_cost = fields.Integer(allow_none=True, metadata={"description": "Best objective so far (metres + penalties)."})
    solutions_found = fields.Integer()


class TimeWindowSchema(Schema):
    start = Stamp()
    end = Stamp()


class PlannedStopSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer(allow_none=True, metadata={"description": "The client at home (null at a facility)."})
    site_id = fields.Integer(allow_none=True, metadata={
        "description": "A care facility's site receiving its wards' crates (null at a home)."})
    order_ids = fields.List(fields.Integer())
    task_ids = fields.List(fields.Integer(), metadata={"description": "Equipment installs and collections."})
    pickup_ids = fields.List(fields.Integer(), metadata={"description": "A recall's collect lines (pick-ups)."})
    sequence = fields.Integer(allow_none=True)
    eta = Stamp(allow_none=True, metadata={"description": "When service starts (Europe/Brussels offset)."})
    departure = Stamp(allow_none=True)
    window = fields.Nested(TimeWindowSchema)
    demand_litres = fields.Float()
    demand_kg = fields.Float()
    frozen_litres = fields.Float()
    chilled_litres = fields.Float()
    load_after_litres = fields.Float(allow_none=True)
    load_after_kg = fields.Float(allow_none=True)
    pinned_van_id = fields.Integer(allow_none=True, metadata={"description": "Picked onto this van already."})
    last_driver_id = fields.Integer(allow_none=True)
    outcome = fields.String(allow_none=True)
    outcome_note = fields.String(allow_none=True)
    confirmed_at = Stamp(allow_none=True)
    reason = fields.String(metadata={"description": "Dropped stops: why."})


class RouteBreakSchema(Schema):
    start = Stamp()
    minutes = fields.Integer()


class PlannedRouteSchema(Schema):
    id = fields.Integer()
    van_id = fields.Integer()
    van_name = fields.String()
    driver_id = fields.Integer(allow_none=True)
    driver_name = fields.String(allow_none=True)
    locked = fields.Boolean()
    start = Stamp(allow_none=True)
    end = Stamp(allow_none=True)
    distance_m = fields.Integer()
    duration_s = fields.Integer()
    load_litres = fields.Float()
    load_kg = fields.Float()
    frozen_litres = fields.Float()
    chilled_litres = fields.Float()
    breaks = fields.List(fields.Nested(RouteBreakSchema))
    stops = fields.List(fields.Nested(PlannedStopSchema))


class RoutePlanResultSchema(Schema):
    distance_m = fields.Integer()
    duration_s = fields.Integer()
    objective = fields.Integer(allow_none=True)
    routes = fields.List(fields.Nested(PlannedRouteSchema))
    dropped = fields.List(fields.Nested(PlannedStopSchema))


class RoutePlanSchema(Schema):
    id = fields.Integer()
    depot_id = fields.Integer()
    date = fields.Date()
    status = fields.String(metadata={"description": ", ".join(RUN_STATUSES)})
    published = fields.Boolean()
    published_at = Stamp(allow_none=True)
    version = fields.Integer(metadata={"description": "Send it back with every edit."})
    time_limit_s = fields.Float()
    error = fields.String(allow_none=True)
    created_at = Stamp()
    started_at = Stamp(allow_none=True)
    finished_at = Stamp(allow_none=True)
    progress = fields.Nested(SolveProgressSchema)
    result = fields.Nested(RoutePlanResultSchema, allow_none=True)


class PlanVersionSchema(Schema):
    version = StrictInteger(required=True)


class ReoptimiseSchema(PlanVersionSchema):
    time_limit_s = StrictFloat(load_default=10.0, validate=TIME_LIMIT)


class RouteLockSchema(PlanVersionSchema):
    locked = fields.Boolean(required=True)


class StopMoveSchema(PlanVersionSchema):
    stop_id = StrictInteger(required=True)
    route_id = StrictInteger(required=True, metadata={"description": "The route to put the stop on."})
    position = StrictInteger(allow_none=True, load_default=None, validate=validate.Range(min=0),
                             metadata={"description": "0 = first; default: last."})


class StopConfirmationSchema(ProofSchema):
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    note = text(1000, allow_none=True)


class ConfirmedStopSchema(PlannedStopSchema):
    proof = fields.Nested(ProofViewSchema, allow_none=True, metadata={"description": "Proof of delivery."})


class RoutePlanSummarySchema(RoutePlanSchema):
    class Meta:
        exclude = ("result",)
