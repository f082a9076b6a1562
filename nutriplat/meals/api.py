"""/clients/{id}/meals and /wards/{id}/trays: meal service in every setting."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.meals import client_meals, trays
from nutriplat.meals.policy import POLICY
from nutriplat.meals.schemas import DayQuerySchema, MealSchema, TrayListSchema, TrayQuerySchema, TrayRecordSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("meals", __name__, url_prefix="/api/v1",
                description="Meal service: a client's meals of a day, a ward's trays and what was eaten")


@blp.route("/clients/<int:client_id>/meals")
class ClientMeals(MethodView):
    @roles_required(*POLICY.roles("client_meals"))
    @blp.arguments(DayQuerySchema, location="query")
    @blp.response(200, MealSchema(many=True))
    @paginated(blp, Page)  # a day's meals: a short list by nature
    def get(self, args, client_id):
        """The client's meals of the day and where each comes from (empty: no approved plan that day)"""
        return client_meals.client_meals(uow(), actor(), client_id, args["date"])


@blp.route("/wards/<int:ward_id>/trays")
class Trays(MethodView):
    @roles_required(*POLICY.roles("tray_list"))
    @blp.arguments(TrayQuerySchema, location="query")
    @blp.response(200, TrayListSchema)
    def get(self, args, ward_id):
        """The ward's trays of the day (optionally one meal moment), from the residents' approved plans"""
        return trays.tray_list(uow(), actor(), ward_id, args["date"], args.get("meal_moment"))


@blp.route("/wards/<int:ward_id>/trays/intake")
class TrayIntake(MethodView):
    @roles_required(*POLICY.roles("record_tray"))
    @blp.arguments(TrayRecordSchema)
    @blp.response(201, TrayRecordSchema)
    def post(self, body, ward_id):
        """What a resident ate of a tray: all, ¾, ½, ¼, nothing or refused (recorded as intake)"""
        return trays.record_tray(uow(), actor(), ward_id, body)
