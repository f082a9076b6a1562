"""Editing a solved plan: lock a route, move a stop, publish; each with the plan's version."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery.planning import editing, publish, views
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.plans import RouteLockSchema, StopMoveSchema, RoutePlanSchema, PlanVersionSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("route_plan_edits", __name__, url_prefix="/api/v1/route-plans",
                description="Locking, reordering and publishing route plans")


@blp.route("/<int:plan_id>/routes/<int:route_id>/lock")
class Lock(MethodView):
    @roles_required(*POLICY.roles("lock_route"))
    @blp.arguments(RouteLockSchema)
    @blp.response(200, RoutePlanSchema)
    def post(self, body, plan_id, route_id):
        """Lock (or unlock) a route: re-optimisation keeps a locked route as it is"""
        editing.lock_route(uow(), actor(), plan_id, route_id, body["locked"], body["version"])
        return views.get_plan(uow(), actor(), plan_id)


@blp.route("/<int:plan_id>/moves")
class Moves(MethodView):
    @roles_required(*POLICY.roles("move_stop"))
    @blp.arguments(StopMoveSchema)
    @blp.response(200, RoutePlanSchema)
    def post(self, body, plan_id):
        """Move a stop within or between routes (or put a dropped stop on one); 409 with
        the reasons when the checker finds the result infeasible"""
        editing.move_stop(uow(), actor(), plan_id, body["stop_id"], body["route_id"], body["position"],
                          body["version"])
        return views.get_plan(uow(), actor(), plan_id)


@blp.route("/<int:plan_id>/publish")
class Publish(MethodView):
    @roles_required(*POLICY.roles("publish_plan"))
    @blp.arguments(PlanVersionSchema)
    @blp.response(200, RoutePlanSchema)
    def post(self, body, plan_id):
        """Publish: the orders get their van; the plan is fixed except for stop confirmations"""
        publish.publish_plan(uow(), actor(), plan_id, body["version"])
        return views.get_plan(uow(), actor(), plan_id)
