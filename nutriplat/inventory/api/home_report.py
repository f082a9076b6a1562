"""/stock/home-report (and .csv): per client and month, the units delivered, eaten, wasted
and expired at home and the stock-out days."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint, Page

from nutriplat.inventory import home_report
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.schemas.home_report import HomeReportQuerySchema, HomeReportRowSchema
from nutriplat.list_views import paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("inventory_home_report", __name__, url_prefix="/api/v1",
                description="Home stock per client and month: delivered, eaten, wasted, expired, stock-out days")


@blp.route("/stock/home-report")
class HomeReport(MethodView):
    @roles_required(*POLICY.roles("home_report"))
    @blp.arguments(HomeReportQuerySchema, location="query")
    @blp.response(200, HomeReportRowSchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """Per client with stock at home in the month: units delivered, eaten, wasted and expired, stock-out days"""
        return home_report.home_report(uow(), actor(), query["month"], query.get("client_id"))


@blp.route("/stock/home-report.csv")
class HomeReportCsv(MethodView):
    @roles_required(*POLICY.roles("home_report"))
    @blp.arguments(HomeReportQuerySchema, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query):
        """The month's home stock report as CSV, every client's row"""
        rows = home_report.home_report(uow(), actor(), query["month"], query.get("client_id"))
        return Response(home_report.as_csv(rows), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="home-report-{query["month"]}.csv"'})
