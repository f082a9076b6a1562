"""/clients/{id}/care-team: the people told of a client's alerts, each with consent."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.careteam import members
from nutriplat.careteam.policy import POLICY
from nutriplat.careteam.schemas import MemberSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("care_team", __name__, url_prefix="/api/v1/clients",
                description="A client's care team (GP, home nurse, facility, caregivers), with consent")


@blp.route("/<int:client_id>/care-team")
class CareTeam(MethodView):
    @roles_required(*POLICY.roles("list_members"))
    @blp.response(200, MemberSchema(many=True))
    @paginated(blp, Page)  # one client's team: a short list by nature
    def get(self, client_id):
        """The client's care team, withdrawn consents included"""
        return members.list_members(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("add_member"))
    @blp.arguments(MemberSchema)
    @blp.response(201, MemberSchema)
    def post(self, body, client_id):
        """Add a member with the client's consent to tell them of the client's alerts"""
        return members.add_member(uow(), actor(), client_id, body)


@blp.route("/<int:client_id>/care-team/<int:member_id>/withdraw-consent")
class WithdrawConsent(MethodView):
    @roles_required(*POLICY.roles("withdraw_member_consent"))
    @blp.response(200, MemberSchema)
    def post(self, client_id, member_id):
        """The client withdrew their consent: the member is told of no later alert"""
        return members.withdraw_consent(uow(), actor(), client_id, member_id)
