"""/route-plans: solve a depot's day in the background, follow it, re-optimise, cancel."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery.api import solve_in_background
from nutriplat.delivery.planning import runs, views
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.plans import (ReoptimiseSchema, RoutePlanQuerySchema, RoutePlanRequestSchema,
                                               RoutePlanSchema, RoutePlanSummarySchema)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("route_plans", __name__, url_prefix="/api/v1/route-plans",
                description="Delivery route plans solved with OR-Tools")


@blp.route("")
class RoutePlans(MethodView):
    @roles_required(*POLICY.roles("list_plans"))
    @blp.arguments(RoutePlanQuerySchema, location="query")
    @blp.response(200, RoutePlanSummarySchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """The plans of a day (?date=YYYY-MM-DD[&depot_id=])"""
        return views.list_plans(uow(), actor(), query["date"], query.get("depot_id"))

    @roles_required(*POLICY.roles("start_plan"))
    @blp.arguments(RoutePlanRequestSchema)
    @blp.response(202, RoutePlanSchema)
    def post(self, body):
        """Plan a depot's day: answers at once with the run; poll GET /route-plans/{id}"""
        plan = runs.start_plan(uow(), actor(), body["depot_id"], body["date"], body["time_limit_s"])
        solve_in_background(plan.id)
        return views.get_plan(uow(), actor(), plan.id)


@blp.route("/<int:plan_id>")
class RoutePlanById(MethodView):
    @roles_required(*POLICY.roles("get_plan"))
    @blp.response(200, RoutePlanSchema)
    def get(self, plan_id):
        """Status, progress and (when done) the routes and the dropped stops with their reasons"""
        return views.get_plan(uow(), actor(), plan_id)


@blp.route("/<int:plan_id>/reoptimisation")
class Reoptimisation(MethodView):
    @roles_required(*POLICY.roles("restart_plan"))
    @blp.arguments(ReoptimiseSchema)
    @blp.response(202, RoutePlanSchema)
    def post(self, body, plan_id):
        """Solve again around the locked routes, with the day's orders as they are now"""
        plan = runs.restart_plan(uow(), actor(), plan_id, body["version"], body["time_limit_s"])
        solve_in_background(plan.id)
        return views.get_plan(uow(), actor(), plan.id)


@blp.route("/<int:plan_id>/cancel")
class Cancel(MethodView):
    @roles_required(*POLICY.roles("request_cancel"))
    @blp.response(200, RoutePlanSchema)
    def post(self, plan_id):
        """Stop a queued or running solve"""
        runs.request_cancel(uow(), actor(), plan_id)
        return views.get_plan(uow(), actor(), plan_id)
