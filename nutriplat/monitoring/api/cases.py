"""/cases: one case per client, gathering their open alerts, ranked by risk."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.monitoring import cases
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.schemas.cases import (
    CaseDetailSchema,
    CaseQuerySchema,
    CaseSchema,
    ResolveSchema,
    SnoozeSchema,
)
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("cases", __name__, url_prefix="/api/v1/cases",
                description="Early-warning cases: a client's signals in one case with a risk score, "
                            "a reason and a suggested action")


@blp.route("")
class Cases(MethodView):
    @roles_required(*POLICY.roles("list_cases"))
    @blp.arguments(CaseQuerySchema, location="query")
    @blp.response(200, CaseSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Cases of the clients the caller sees, highest risk first (open by default)"""
        found, pagination_parameters.item_count = cases.list_cases(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/<int:case_id>")
class CaseById(MethodView):
    @roles_required(*POLICY.roles("get_case"))
    @blp.response(200, CaseDetailSchema)
    def get(self, case_id):
        """One case with its signals and its history"""
        return cases.get_case(uow(), actor(), case_id)


@blp.route("/<int:case_id>/snooze")
class Snooze(MethodView):
    @roles_required(*POLICY.roles("snooze_case"))
    @blp.arguments(SnoozeSchema)
    @blp.response(200, CaseDetailSchema)
    def post(self, body, case_id):
        """Snooze a case until a later day, with a reason; it returns sooner if its severity rises"""
        return cases.snooze(uow(), actor(), case_id, body["until"], body["reason"])


@blp.route("/<int:case_id>/resolve")
class Resolve(MethodView):
    @roles_required(*POLICY.roles("resolve_case"))
    @blp.arguments(ResolveSchema)
    @blp.response(200, CaseDetailSchema)
    def post(self, body, case_id):
        """Resolve a case with its outcome (action_taken, no_action_needed, false_alarm); its alerts close with it"""
        return cases.resolve(uow(), actor(), case_id, body["outcome"], body.get("note"))
