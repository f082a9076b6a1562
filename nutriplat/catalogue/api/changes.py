"""/catalogue-changes: allergen and texture changes waiting for a second admin of the
dish's owner, who approves (the change applies) or rejects them."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.catalogue import approvals, decisions
from nutriplat.catalogue.policy import POLICY
from nutriplat.catalogue.schemas.changes import CatalogueChangeSchema, ChangeQuerySchema, RejectionSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("catalogue_changes", __name__, url_prefix="/api/v1/catalogue-changes",
                description="Catalogue changes awaiting a second admin's approval")


@blp.route("")
class Changes(MethodView):
    @roles_required(*POLICY.roles("list_changes"))
    @blp.arguments(ChangeQuerySchema, location="query")
    @blp.response(200, CatalogueChangeSchema(many=True))
    @paginated(blp, Page)
    def get(self, args):
        """Changes to the dishes you may change, oldest first"""
        return approvals.list_changes(uow(), actor(), args.get("status"))


@blp.route("/<int:change_id>")
class ChangeById(MethodView):
    @roles_required(*POLICY.roles("get_change"))
    @blp.response(200, CatalogueChangeSchema)
    def get(self, change_id):
        """One proposed change"""
        return approvals.get_change(uow(), actor(), change_id)


@blp.route("/<int:change_id>/approve")
class Approval(MethodView):
    @roles_required(*POLICY.roles("approve"))
    @blp.response(200, CatalogueChangeSchema)
    def post(self, change_id):
        """Approve and apply another admin's change (403 for your own proposal)"""
        return decisions.approve(uow(), actor(), change_id)


@blp.route("/<int:change_id>/reject")
class Rejection(MethodView):
    @roles_required(*POLICY.roles("reject"))
    @blp.arguments(RejectionSchema)
    @blp.response(200, CatalogueChangeSchema)
    def post(self, body, change_id):
        """Reject a change, or withdraw your own proposal"""
        return decisions.reject(uow(), actor(), change_id, body.get("note"))
