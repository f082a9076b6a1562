"""/clients/{id}/goals and /clients/{id}/experience-surveys."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.monitoring import goals, surveys
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.schemas.goals import GoalProgressSchema, GoalSchema, SurveySchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("goals_and_experience", __name__, url_prefix="/api/v1/clients/<int:client_id>",
                description="Personal goals (healthcoins when met) and experience surveys")


@blp.route("/goals")
class Goals(MethodView):
    @roles_required(*POLICY.roles("list_goals"))
    @blp.response(200, GoalSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The client's goals with their progress"""
        return goals.list_goals(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("set_goal"))
    @blp.arguments(GoalSchema)
    @blp.response(201, GoalSchema)
    def post(self, body, client_id):
        """Set a goal with the client: a measurable criterion over a period, and its reward"""
        return goals.set_goal(uow(), actor(), client_id, body)


@blp.route("/goals/<int:goal_id>/progress")
class GoalProgressReports(MethodView):
    @roles_required(*POLICY.roles("report_progress"))
    @blp.arguments(GoalProgressSchema)
    @blp.response(201, GoalSchema)
    def post(self, body, client_id, goal_id):
        """Report a step towards a counted goal (a walk, a visit); a goal met earns healthcoins"""
        return goals.report_progress(uow(), actor(), client_id, goal_id, body)


@blp.route("/goals/<int:goal_id>/cancellation")
class GoalCancellation(MethodView):
    @roles_required(*POLICY.roles("cancel_goal"))
    @blp.response(200, GoalSchema)
    def post(self, client_id, goal_id):
        """Cancel an active goal"""
        return goals.cancel(uow(), actor(), client_id, goal_id)


@blp.route("/experience-surveys")
class Surveys(MethodView):
    @roles_required(*POLICY.roles("list_surveys"))
    @blp.response(200, SurveySchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The client's experience surveys, one per period"""
        return surveys.list_surveys(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("record_survey"))
    @blp.arguments(SurveySchema)
    @blp.response(201, SurveySchema)
    def post(self, body, client_id):
        """Record the client's answers (1-5 per item) for a period"""
        return surveys.record_survey(uow(), actor(), client_id, body)
