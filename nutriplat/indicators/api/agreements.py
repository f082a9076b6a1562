"""/indicators, /agreements and /settlements: indicator definitions, result-based
agreements, and settlement statements. Cofinancers see their own agreements only."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.indicators import agreements, definitions, settlements, snapshots
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas import agreements as s
from nutriplat.indicators.schemas import settlements as ss
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("agreements", __name__, url_prefix="/api/v1",
                description="Indicators as data, result-based agreements and settlement statements")


@blp.route("/indicators")
class Indicators(MethodView):
    @roles_required(*POLICY.roles("list_definitions"))
    @blp.response(200, s.IndicatorSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Every version of every indicator definition"""
        return definitions.list_definitions(uow(), actor())


@blp.route("/indicator-definitions")
class IndicatorDefinitions(MethodView):
    @roles_required(*POLICY.roles("list_definitions"))
    @blp.response(200, s.IndicatorSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """The built-in indicator definitions and those added as data, every version"""
        return definitions.list_definitions(uow(), actor())

    @roles_required(*POLICY.roles("create_definition"))
    @blp.arguments(s.IndicatorDefinitionInSchema)
    @blp.response(201, s.IndicatorSchema)
    def post(self, body):
        """Add an indicator as data (or the next version of one's own): numerator and denominator over the
        recorded measures, checked before it is stored"""
        return definitions.create_definition(uow(), actor(), body)


@blp.route("/agreements")
class Agreements(MethodView):
    @roles_required(*POLICY.roles("list_agreements"))
    @blp.response(200, s.OutcomeAgreementOutSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """The agreements the caller is a party to"""
        return agreements.list_agreements(uow(), actor())

    @roles_required(*POLICY.roles("create_agreement"))
    @blp.arguments(s.OutcomeAgreementSchema)
    @blp.response(201, s.OutcomeAgreementOutSchema)
    def post(self, body):
        """Make an agreement with a cofinancer: cohort, indicators (frozen) with targets, payment rules"""
        return agreements.create_agreement(uow(), actor(), body)


@blp.route("/agreements/<int:agreement_id>")
class AgreementById(MethodView):
    @roles_required(*POLICY.roles("get_agreement"))
    @blp.response(200, s.OutcomeAgreementOutSchema)
    def get(self, agreement_id):
        """One agreement"""
        return agreements.get_agreement(uow(), actor(), agreement_id)


@blp.route("/agreements/<int:agreement_id>/settlements")
class Settlements(MethodView):
    @roles_required(*POLICY.roles("list_settlements"))
    @blp.response(200, ss.SettlementSchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """The statements issued under the agreement"""
        return settlements.list_settlements(uow(), actor(), agreement_id)

    @roles_required(*POLICY.roles("settle"))
    @blp.arguments(ss.SettlementRequestSchema)
    @blp.response(201, ss.SettlementSchema)
    def post(self, body, agreement_id):
        """Settle a complete period: indicator values and targets, payment lines step by step, snapshot"""
        return settlements.settle(uow(), actor(), agreement_id, body["period"])


@blp.route("/agreements/<int:agreement_id>/snapshots")
class Snapshots(MethodView):
    @roles_required(*POLICY.roles("list_snapshots"))
    @blp.response(200, ss.SnapshotSchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """The monthly indicator snapshots (suppressed rows, as computed at the time)"""
        return snapshots.list_snapshots(uow(), actor(), agreement_id)


@blp.route("/settlements/<int:settlement_id>")
class SettlementById(MethodView):
    @roles_required(*POLICY.roles("get_settlement"))
    @blp.response(200, ss.SettlementSchema)
    def get(self, settlement_id):
        """One issued statement with its snapshot"""
        return settlements.get_settlement(uow(), actor(), settlement_id)


@blp.route("/settlements/<int:settlement_id>/verification")
class Verification(MethodView):
    @roles_required(*POLICY.roles("verify"))
    @blp.response(200, ss.VerificationSchema)
    def get(self, settlement_id):
        """Recompute the statement from its stored snapshot and compare it to the cent"""
        return settlements.verify(uow(), actor(), settlement_id)
