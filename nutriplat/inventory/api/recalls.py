"""/lots/{id}/recall, /recalls/{id}, its places' accounting and its report (JSON, CSV)."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.inventory import recall_report, recalls
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.schemas.recalls import AccountSchema, RecallReportSchema, RecallRequestSchema, RecallSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("inventory_recalls", __name__, url_prefix="/api/v1", description="Recalls of lots")


@blp.route("/lots/<int:lot_id>/recall")
class LotRecall(MethodView):
    @roles_required(*POLICY.roles("recall_lot"))
    @blp.arguments(RecallRequestSchema)
    @blp.response(201, RecallSchema)
    def post(self, body, lot_id):
        """Recall a lot: blocked at once (never picked, consumed or moved again), with the
        places that hold it, their units and the clients at home"""
        return recalls.recall_lot(uow(), actor(), lot_id, body)


@blp.route("/recalls/<int:recall_id>")
class RecallById(MethodView):
    @roles_required(*POLICY.roles("get_recall"))
    @blp.response(200, RecallSchema)
    def get(self, recall_id):
        """A recall: its status and, per place, the units held, accounted for and outstanding"""
        return recalls.get_recall(uow(), actor(), recall_id)


@blp.route("/recalls/<int:recall_id>/locations/<int:location_id>/account")
class RecallAccount(MethodView):
    @roles_required(*POLICY.roles("account_recall"))
    @blp.arguments(AccountSchema)
    @blp.response(201, RecallSchema)
    def post(self, body, recall_id, location_id):
        """Account for units of one place (collected, consumed before the recall, destroyed
        on site with a note); the recall closes when every unit is accounted for"""
        return recalls.account(uow(), actor(), recall_id, location_id, body)


@blp.route("/recalls/<int:recall_id>/report")
class RecallReport(MethodView):
    @roles_required(*POLICY.roles("recall_report"))
    @blp.response(200, RecallReportSchema)
    def get(self, recall_id):
        """The report for the authority: what, where, when and how many, per step"""
        return recall_report.recall_report(uow(), actor(), recall_id)


@blp.route("/recalls/<int:recall_id>/report/csv")
class RecallReportCsv(MethodView):
    @roles_required(*POLICY.roles("recall_report"))
    @blp.response(200, content_type="text/csv")
    def get(self, recall_id):
        """The report as CSV: the recall, each place held, each step"""
        report = recall_report.recall_report(uow(), actor(), recall_id)
        return Response(recall_report.to_csv(report), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="recall-{recall_id}.csv"'})
