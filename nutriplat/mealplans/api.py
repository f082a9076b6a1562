"""/clients/{id}/diet-profile, /clients/{id}/meal-plans and /meal-plans.
Who may do what: ``mealplans.policy``."""
from __future__ import annotations

from flask import jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.mealplans import editing, profiles, services
from nutriplat.mealplans.schemas import plans as schemas
from nutriplat.mealplans.schemas.profiles import DietProfileSchema
from nutriplat.mealplans.policy import POLICY
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("meal_plans", __name__, url_prefix="/api/v1", description="Diet profiles and meal plans")


@blp.route("/clients/<int:client_id>/diet-profile")
class DietProfile(MethodView):
    @roles_required(*POLICY.roles("get_profile"))
    @blp.response(200, DietProfileSchema)
    def get(self, client_id):
        """The diet profile: prescription and allergies from the record, planning wishes, targets"""
        return profiles.get_profile(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("put_profile"))
    @blp.arguments(DietProfileSchema)
    @blp.response(200, DietProfileSchema)
    def put(self, body, client_id):
        """Set meals of the day, appetite, preferences, supplements and weekly budget"""
        return profiles.put_profile(uow(), actor(), client_id, body)


@blp.route("/clients/<int:client_id>/meal-plans")
class ClientPlans(MethodView):
    @roles_required(*POLICY.roles("list_plans"))
    @blp.arguments(schemas.PlanQuerySchema, location="query")
    @blp.response(200, schemas.PlanSummarySchema(many=True))
    @paginated(blp, Page)
    def get(self, filters, client_id):
        """The client's plans, newest week and revision first"""
        return services.list_plans(uow(), actor(), client_id, filters)

    @roles_required(*POLICY.roles("create_plan"))
    @blp.arguments(schemas.NewPlanSchema)
    @blp.response(201, schemas.PlanSchema)
    def post(self, body, client_id):
        """Plan the week that starts on week_start (a Monday), optimised with CP-SAT"""
        return services.create_plan(uow(), actor(), client_id, body["week_start"])


@blp.route("/meal-plans/<int:plan_id>")
class PlanById(MethodView):
    @roles_required(*POLICY.roles("get_plan"))
    @blp.response(200, schemas.PlanSchema)
    def get(self, plan_id):
        """One plan with per-day and per-week totals against the targets"""
        return services.get_plan(uow(), actor(), plan_id)


@blp.route("/meal-plans/<int:plan_id>/items")
class PlanItems(MethodView):
    @roles_required(*POLICY.roles("add_item"))
    @blp.arguments(schemas.NewItemSchema)
    @blp.response(201, schemas.PlanSchema)
    def post(self, body, plan_id):
        """Add a locked item to a day of a draft"""
        return editing.add_item(uow(), actor(), plan_id, body)


@blp.route("/meal-plans/<int:plan_id>/items/<int:item_id>")
class PlanItem(MethodView):
    @roles_required(*POLICY.roles("change_item"))
    @blp.arguments(schemas.ItemChangeSchema)
    @blp.response(200, schemas.PlanSchema)
    def patch(self, body, plan_id, item_id):
        """Swap (variant_id), resize (portions) or lock/unlock an item of a draft"""
        return editing.change_item(uow(), actor(), plan_id, item_id, body)

    @roles_required(*POLICY.roles("remove_item"))
    @blp.response(200, schemas.PlanSchema)
    def delete(self, plan_id, item_id):
        """Remove an item from a draft"""
        return editing.remove_item(uow(), actor(), plan_id, item_id)


@blp.route("/meal-plans/<int:plan_id>/reoptimise")
class Reoptimise(MethodView):
    @roles_required(*POLICY.roles("reoptimise"))
    @blp.response(200, schemas.PlanSchema)
    def post(self, plan_id):
        """Re-plan the draft around its locked items"""
        return editing.reoptimise(uow(), actor(), plan_id)


@blp.route("/meal-plans/<int:plan_id>/approve")
class Approve(MethodView):
    @roles_required(*POLICY.roles("approve"))
    @blp.arguments(schemas.ApproveSchema)
    @blp.response(200, schemas.PlanSchema)
    def post(self, body, plan_id):
        """Approve a draft; the week's previously approved plan is superseded"""
        return services.approve(uow(), actor(), plan_id, body.get("note"))


@blp.route("/meal-plans/<int:plan_id>/revisions")
class Revisions(MethodView):
    @roles_required(*POLICY.roles("revise"))
    @blp.response(201, schemas.PlanSchema)
    def post(self, plan_id):
        """Start a new draft from an approved plan (items and locks copied)"""
        return services.revise(uow(), actor(), plan_id)


@blp.route("/meal-plans/<int:plan_id>/history")
class History(MethodView):
    @roles_required(*POLICY.roles("history"))
    @blp.response(200, schemas.EventSchema(many=True))
    @paginated(blp, Page)
    def get(self, plan_id):
        """Every change to every revision of this client's week"""
        return services.history(uow(), actor(), plan_id)


@blp.route("/meal-plans/<int:plan_id>/fhir")
class Fhir(MethodView):
    @roles_required(*POLICY.roles("fhir_order"))
    @blp.response(200, content_type="application/fhir+json")
    def get(self, plan_id):
        """The plan's diet as a FHIR R4 NutritionOrder (approved or superseded plans)"""
        response = jsonify(services.fhir_order(uow(), actor(), plan_id))
        response.mimetype = "application/fhir+json"
        return response
