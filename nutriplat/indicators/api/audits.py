"""/agreements/{id}/measurement-audits and /measurement-audits/{id}: the seeded sample of an
indicator's measurements per period, verified by a second person (``audits.py``)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.indicators import audits
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas import audits as s
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("measurement_audits", __name__, url_prefix="/api/v1",
                description="Measurement audits: a seeded sample per period, verified by a second person")


@blp.route("/agreements/<int:agreement_id>/measurement-audits")
class Audits(MethodView):
    @roles_required(*POLICY.roles("list_audits"))
    @blp.response(200, s.AuditSchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """The agreement's audits: seed, sample size and agreement rate (both parties)"""
        return audits.list_audits(uow(), actor(), agreement_id)

    @roles_required(*POLICY.roles("draw_audit"))
    @blp.arguments(s.DrawSchema)
    @blp.response(201, s.AuditSchema)
    def post(self, body, agreement_id):
        """Draw the audit sample of an indicator for a closed period, as its audit rule says (seed stored)"""
        return audits.draw(uow(), actor(), agreement_id, body["indicator"], body["period"], body["seed"])


@blp.route("/measurement-audits/<int:audit_id>/sample")
class Sample(MethodView):
    @roles_required(*POLICY.roles("verify_audit"))
    @blp.response(200, s.AuditRecordsSchema)
    def get(self, audit_id):
        """The sampled scale readings and screening forms, for the second person to check against the source"""
        return audits.sample_records(uow(), actor(), audit_id)


@blp.route("/measurement-audits/<int:audit_id>/findings")
class Findings(MethodView):
    @roles_required(*POLICY.roles("verify_audit"))
    @blp.arguments(s.FindingsSchema)
    @blp.response(200, s.AuditSchema)
    def post(self, body, audit_id):
        """Record the second person's finding on every sampled measurement; the agreement rate follows"""
        return audits.record_findings(uow(), actor(), audit_id, body["findings"])
