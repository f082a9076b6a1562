"""/reports/indicators: an agreement's anonymised indicator report (JSON, CSV or Excel)
and its trend charts (PNG)."""
from __future__ import annotations

from flask import Response, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.errors import InvalidInput
from nutriplat.indicators import exports, reports
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.reports import ReportQuerySchema, ReportSchema, TrendQuerySchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("reports", __name__, url_prefix="/api/v1/reports",
                description="Anonymised indicator reports with small-cell suppression")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@blp.route("/indicators")
class IndicatorReport(MethodView):
    @roles_required(*POLICY.roles("indicator_report"))
    @blp.arguments(ReportQuerySchema, location="query")
    @blp.response(200, ReportSchema, content_type="application/json")
    @blp.alt_response(200, description="format=csv or format=xlsx", success=True,
                      content_type="text/csv", schema=None)
    def get(self, args):
        """Indicator rows for the period and the agreement's baseline period, per breakdown; cells of
        fewer than 5 clients (and the cells that would reveal them) are suppressed"""
        found = reports.indicator_report(uow(), actor(), args["agreement_id"], args.get("period"))
        name = f"indicators-{found.agreement_id}-{found.period}"
        if args["format"] == "csv":
            return Response(exports.as_csv(found), mimetype="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if args["format"] == "xlsx":
            return Response(exports.as_xlsx(found), mimetype=XLSX,
                            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
        charts = [{"indicator": item["code"],
                   "href": url_for("reports.TrendChart", agreement_id=found.agreement_id,
                                   indicator=item["code"], period=found.period)}
                  for item in found.indicators]
        return {**found.__dict__, "charts": charts}


@blp.route("/indicators/trend.png")
class TrendChart(MethodView):
    @roles_required(*POLICY.roles("trends"))
    @blp.arguments(TrendQuerySchema, location="query")
    @blp.response(200, content_type="image/png", description="A PNG line chart")
    def get(self, args):
        """One indicator's value per month (or quarter) from the baseline period on, with its target"""
        found = reports.trends(uow(), actor(), args["agreement_id"], args.get("period"))
        definition = next((d for d in found.definitions if d.code == args["indicator"]), None)
        if definition is None:
            raise InvalidInput("Not an indicator of this agreement.",
                               {"indicator": [f"One of: {', '.join(d.code for d in found.definitions)}."]})
        png = exports.trend_png(definition, found.series[definition.code], found.targets[definition.code])
        return Response(png, mimetype="image/png")
