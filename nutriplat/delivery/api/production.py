"""/production-plan (and .csv): the central kitchen's production plan of a day."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import production_batches, production_plan
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.production import ProductionBatchSchema, ProductionPlanSchema, ProductionQuerySchema
from nutriplat.spreadsheets import XLSX
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("production_plan", __name__, url_prefix="/api/v1",
                description="The central kitchen's production plan: homes and wards together")


@blp.route("/production-plan")
class ProductionPlan(MethodView):
    @roles_required(*POLICY.roles("production_plan"))
    @blp.arguments(ProductionQuerySchema, location="query")
    @blp.response(200, ProductionPlanSchema)
    def get(self, query):
        """Per dish variant and texture: home and ward units of the next day, stock on hand, lots to make"""
        return production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])


@blp.route("/production-plan.csv")
class ProductionPlanCsv(MethodView):
    @roles_required(*POLICY.roles("production_plan"))
    @blp.arguments(ProductionQuerySchema, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query):
        """The day's production plan as CSV"""
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
        return Response(production_plan.as_csv(plan), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="production-plan-{query["date"]}.csv"'})


@blp.route("/production-plan.xlsx")
class ProductionPlanXlsx(MethodView):
    @roles_required(*POLICY.roles("production_plan"))
    @blp.arguments(ProductionQuerySchema, location="query")
    @blp.response(200, content_type=XLSX)
    def get(self, query):
        """The day's production plan as an Excel workbook, with the pick lists per van and per facility"""
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
        return Response(production_plan.as_xlsx(plan), mimetype=XLSX, headers={
            "Content-Disposition": f'attachment; filename="production-plan-{query["date"]}.xlsx"'})


@blp.route("/production-batches")
class ProductionBatches(MethodView):
    @roles_required(*POLICY.roles("record_production_batch"))
    @blp.arguments(ProductionBatchSchema)
    @blp.response(201, ProductionBatchSchema)
    def post(self, body):
        """Record a batch the kitchen made: it becomes a lot (use-by from the dish's shelf life) in the warehouse"""
        return production_batches.record_batch(uow(), actor(), body)
