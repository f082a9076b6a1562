"""/clients/{id}/coaching-sessions and /clients/{id}/action-plan."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.coaching import action_plan, sessions
from nutriplat.coaching.policy import POLICY
from nutriplat.coaching.schemas import ActionSchema, CoachingSessionSchema, HoldSessionSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("coaching", __name__, url_prefix="/api/v1/clients/<int:client_id>",
                description="Coaching sessions (SOAP notes, agreed actions) and the client's action plan")


@blp.route("/coaching-sessions")
class CoachingSessions(MethodView):
    @roles_required(*POLICY.roles("list_coaching_sessions"))
    @blp.response(200, CoachingSessionSchema(many=True))
    @paginated(blp, Page)  # a client's sessions: a few a month at most
    def get(self, client_id):
        """The client's sessions, newest first"""
        return sessions.list_sessions(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("record_coaching_session"))
    @blp.arguments(CoachingSessionSchema)
    @blp.response(201, CoachingSessionSchema)
    def post(self, body, client_id):
        """Record a session held (held_at, SOAP notes, actions) or plan one (planned_for)"""
        return sessions.record_session(uow(), actor(), client_id, body)


@blp.route("/coaching-sessions/<int:session_id>/held")
class HeldSession(MethodView):
    @roles_required(*POLICY.roles("hold_coaching_session"))
    @blp.arguments(HoldSessionSchema)
    @blp.response(200, CoachingSessionSchema)
    def post(self, body, client_id, session_id):
        """A planned session took place: when, its notes and the actions agreed"""
        return sessions.hold(uow(), actor(), client_id, session_id, body)


@blp.route("/action-plan")
class ActionPlan(MethodView):
    @roles_required(*POLICY.roles("read_action_plan"))
    @blp.response(200, ActionSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The actions agreed with the client, open ones first by due date"""
        return action_plan.read_plan(uow(), actor(), client_id)


@blp.route("/action-plan/<int:action_id>/done")
class ActionDone(MethodView):
    @roles_required(*POLICY.roles("tick_off_action"))
    @blp.response(200, ActionSchema)
    def post(self, client_id, action_id):
        """Tick an action off"""
        return action_plan.tick_off(uow(), actor(), client_id, action_id)
