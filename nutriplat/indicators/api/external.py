"""/agreements/{id}/pseudonyms and /external-imports: a cofinancer's figures matched to the
provider's clients by keyed-hash pseudonym, with the reconciliation report (provider admin)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.indicators import external_import, external_imports, reconciliation
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas import external as s
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("external_sources", __name__, url_prefix="/api/v1",
                description="External data sources: pseudonyms, imported figures and their reconciliation")


@blp.route("/agreements/<int:agreement_id>/pseudonyms")
class Pseudonyms(MethodView):
    @roles_required(*POLICY.roles("enrol_pseudonyms"))
    @blp.arguments(s.EnrolmentSchema)
    @blp.response(200, s.EnrolledSchema)
    def post(self, body, agreement_id):
        """Store the clients' keyed-hash pseudonyms under the agreement's key (the number itself is never stored)"""
        return {"stored": external_import.enrol(uow(), actor(), agreement_id, body["people"])}


@blp.route("/agreements/<int:agreement_id>/external-imports")
class Imports(MethodView):
    @roles_required(*POLICY.roles("import_external"))
    @blp.response(200, s.ImportListEntrySchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """The source files imported for the agreement, with their match counts, and those refused, with
        the reason's code (status imported or refused; a refused file kept no row)"""
        return external_imports.list_imports(uow(), actor(), agreement_id)

    @roles_required(*POLICY.roles("import_external"))
    @blp.arguments(s.ImportRequestSchema)
    @blp.response(201, s.ReconciliationSchema)
    def post(self, body, agreement_id):
        """Import a source's CSV: every row checked first, then matched and reconciled with the platform"""
        return external_import.import_figures(uow(), actor(), agreement_id, body["source"], body["csv"])


@blp.route("/agreements/<int:agreement_id>/reconciliation")
class Reconciliation(MethodView):
    @roles_required(*POLICY.roles("reconciliation_summary"))
    @blp.response(200, s.ReconciliationCellSchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """Per source, measure and month: rows matched, unmatched, ambiguous, differing and the total
        difference — aggregates with small cells hidden, for both parties"""
        return reconciliation.reconciliation_summary(uow(), actor(), agreement_id)


@blp.route("/external-imports/<int:import_id>")
class Import(MethodView):
    @roles_required(*POLICY.roles("import_external"))
    @blp.response(200, s.ReconciliationSchema)
    def get(self, import_id):
        """One import's reconciliation report: per row matched, unmatched or ambiguous, with the reason"""
        return external_imports.get_import(uow(), actor(), import_id)
