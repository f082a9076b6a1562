"""/clients/{id}/screenings, /assessments, /targets and /screenings (work list, FHIR)."""
from __future__ import annotations

from flask import jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.clock import business_today
from nutriplat.db import utcnow
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.screening import fhir, services, target_review, worklist
from nutriplat.screening.models import Assessment, Screening
from nutriplat.screening.policy import POLICY
from nutriplat.screening.schemas import results as results_schemas
from nutriplat.screening.schemas import targets as targets_schemas
from nutriplat.screening.schemas import worklist as worklist_schemas
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("screening", __name__, url_prefix="/api/v1",
                description="Screening, GLIM diagnosis and nutrient targets")


@blp.route("/clients/<int:client_id>/screenings")
class Screenings(MethodView):
    @roles_required(*POLICY.roles("history"))
    @blp.response(200, results_schemas.ScreeningSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The client's screenings, newest first"""
        return services.history(uow(), actor(), client_id, Screening)

    @roles_required(*POLICY.roles("record_screening"))
    @blp.arguments(results_schemas.ScreeningRequestSchema)
    @blp.response(201, results_schemas.ScreeningSchema)
    def post(self, body, client_id):
        """Score a screening; inputs left out are derived from stored measurements"""
        body.setdefault("performed_at", utcnow())
        return services.record_screening(uow(), actor(), client_id, body)


@blp.route("/clients/<int:client_id>/assessments")
class Assessments(MethodView):
    @roles_required(*POLICY.roles("history"))
    @blp.response(200, results_schemas.AssessmentSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The client's GLIM assessments, newest first"""
        return services.history(uow(), actor(), client_id, Assessment)

    @roles_required(*POLICY.roles("record_assessment"))
    @blp.arguments(results_schemas.AssessmentRequestSchema)
    @blp.response(201, results_schemas.AssessmentSchema)
    def post(self, body, client_id):
        """Diagnose malnutrition with GLIM"""
        body.setdefault("assessed_at", utcnow())
        return services.record_assessment(uow(), actor(), client_id, body)


@blp.route("/clients/<int:client_id>/targets")
class Targets(MethodView):
    @roles_required(*POLICY.roles("get_targets"))
    @blp.arguments(targets_schemas.TargetsQuerySchema, location="query")
    @blp.response(200, targets_schemas.TargetsSchema)
    def get(self, args, client_id):
        """Energy, protein and fluid targets: computed, effective and method"""
        return target_review.get_targets(uow(), actor(), client_id, args.get("on", business_today()))

    @roles_required(*POLICY.roles("override_targets"))
    @blp.arguments(targets_schemas.TargetsOverrideRequestSchema)
    @blp.response(200, targets_schemas.TargetsSchema)
    def put(self, body, client_id):
        """Override one or more targets with a reason and a validity period"""
        return target_review.override_targets(uow(), actor(), client_id, body, business_today())


@blp.route("/clients/<int:client_id>/targets/overrides")
class TargetOverrides(MethodView):
    @roles_required(*POLICY.roles("override_history"))
    @blp.response(200, targets_schemas.OverrideRecordSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """Every override ever set, newest first"""
        return target_review.override_history(uow(), actor(), client_id)


@blp.route("/clients/<int:client_id>/screening-suggestion")
class ScreeningSuggestion(MethodView):
    @roles_required(*POLICY.roles("suggestion"))
    @blp.response(200, worklist_schemas.SuggestionSchema)
    def get(self, client_id):
        """The instrument that fits the client's setting and age (advice, never a block)"""
        return worklist.suggestion(uow(), actor(), client_id)


@blp.route("/screenings/due")
class DueScreenings(MethodView):
    @roles_required(*POLICY.roles("due_before"))
    @blp.arguments(worklist_schemas.DueQuerySchema, location="query")
    @blp.response(200, worklist_schemas.DueEntrySchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, args, pagination_parameters):
        """Clients due for screening before a date, most overdue first"""
        entries, pagination_parameters.item_count = worklist.due_before(
            uow(), actor(), args["before"], pagination_parameters.page, pagination_parameters.page_size)
        return entries


@blp.route("/screenings/<int:screening_id>")
class ScreeningById(MethodView):
    @roles_required(*POLICY.roles("get_screening"))
    @blp.response(200, results_schemas.ScreeningSchema)
    def get(self, screening_id):
        """One screening"""
        return services.get_screening(uow(), actor(), screening_id)


@blp.route("/assessments/<int:assessment_id>")
class AssessmentById(MethodView):
    @roles_required(*POLICY.roles("get_assessment"))
    @blp.response(200, results_schemas.AssessmentSchema)
    def get(self, assessment_id):
        """One GLIM assessment"""
        return services.get_assessment(uow(), actor(), assessment_id)


@blp.route("/screenings/<int:screening_id>/fhir")
class ScreeningFhir(MethodView):
    @roles_required(*POLICY.roles("export_screening"))
    @blp.response(200, content_type="application/fhir+json")
    def get(self, screening_id):
        """The screening as a FHIR R4 Observation"""
        screening = services.export_screening(uow(), actor(), screening_id)
        response = jsonify(fhir.observation(screening).model_dump(mode="json", exclude_none=True))
        response.mimetype = "application/fhir+json"
        return response
