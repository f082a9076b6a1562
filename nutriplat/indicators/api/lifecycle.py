"""/agreements/{id}/proposal, /acceptance and /versions: the agreement's lifecycle. The
provider proposes a version (frozen), a cofinancer user of the agreement accepts it, and
a renegotiation is a new version from a reporting period on."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.indicators import lifecycle, renegotiation, simulations
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas import agreements as s
from nutriplat.indicators.schemas.simulations import SimulationRequestSchema, SimulationSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("agreement_lifecycle", __name__, url_prefix="/api/v1",
                description="An agreement's versions: proposed by the provider, accepted by the cofinancer")


@blp.route("/agreements/<int:agreement_id>/proposal")
class Proposal(MethodView):
    @roles_required(*POLICY.roles("propose_agreement"))
    @blp.response(200, s.OutcomeAgreementOutSchema)
    def post(self, agreement_id):
        """The provider proposes its draft version: its terms are frozen, and the cofinancer sees that version"""
        return lifecycle.propose(uow(), actor(), agreement_id)


@blp.route("/agreements/<int:agreement_id>/acceptance")
class Acceptance(MethodView):
    @roles_required(*POLICY.roles("accept_agreement"))
    @blp.arguments(s.AcceptanceSchema)
    @blp.response(200, s.OutcomeAgreementOutSchema)
    def post(self, body, agreement_id):
        """A cofinancer user of the agreement accepts the proposed version (only an accepted version pays)"""
        return lifecycle.accept(uow(), actor(), agreement_id, body.get("version"), body.get("checksum"))


@blp.route("/agreements/<int:agreement_id>/versions")
class Versions(MethodView):
    @roles_required(*POLICY.roles("list_versions"))
    @blp.response(200, s.VersionSchema(many=True))
    @paginated(blp, Page)
    def get(self, agreement_id):
        """Every version of the agreement's terms, with its status and checksum"""
        return lifecycle.list_versions(uow(), actor(), agreement_id)

    @roles_required(*POLICY.roles("renegotiate_agreement"))
    @blp.arguments(s.RenegotiationSchema)
    @blp.response(201, s.VersionSchema)
    def post(self, body, agreement_id):
        """Renegotiate: a new draft version of the terms from a reporting period on

        Any of the indicators (and how each is measured), targets, cohort, outcomes and payment rules; what is not
        given carries over from the previous version.
        """
        return renegotiation.renegotiate(uow(), actor(), agreement_id, body)


@blp.route("/agreements/<int:agreement_id>/simulations")
class Simulations(MethodView):
    @roles_required(*POLICY.roles("simulate"))
    @blp.arguments(SimulationRequestSchema)
    @blp.response(200, SimulationSchema)
    def post(self, body, agreement_id):
        """Simulate a version's payments over scenario draws or past periods: p10/p50/p90, each party's risk,
        each dial's effect"""
        return simulations.simulate(uow(), actor(), agreement_id, body)
