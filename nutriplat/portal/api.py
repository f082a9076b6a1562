"""The portal's API: invitations to a client account, the message thread, the week as
the client eats it, and the record as a FHIR R4 Bundle."""
from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.portal import invitations, messages, my_data, overview, schemas
from nutriplat.portal.policy import POLICY
from nutriplat.web import actor, client_ip, roles_required, uow

blp = Blueprint("portal", __name__, url_prefix="/api/v1", description="The client's and caregiver's portal")


@blp.route("/clients/<int:client_id>/invitations")
class Invitations(MethodView):
    @roles_required(*POLICY.roles("invite_client"))
    @blp.response(201, schemas.InvitationSchema)
    @blp.alt_response(409, response="DEFAULT_ERROR")
    def post(self, client_id):
        """Invite the client to an account: a one-time code, shown in this answer only, expiring"""
        return invitations.invite(uow(), actor(), client_id)


@blp.route("/invitations/redeem")
class Redeem(MethodView):
    @blp.arguments(schemas.RedeemSchema)
    @blp.response(201, schemas.ClientAccountSchema)
    @blp.alt_response(409, response="DEFAULT_ERROR")
    @blp.doc(security=[])  # the code is the credential
    def post(self, body):
        """Open the client's own account with the code their dietitian gave them"""
        return invitations.redeem(uow(), current_app.extensions["nutriplat"].passwords, body, client_ip())


@blp.route("/clients/<int:client_id>/messages")
class Messages(MethodView):
    @roles_required(*POLICY.roles("list_messages"))
    @blp.response(200, schemas.MessageSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The thread with the dietitian, oldest first; the other side's messages are read from now on"""
        return messages.list_messages(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("send_message"))
    @blp.arguments(schemas.MessageSchema)
    @blp.response(201, schemas.MessageSchema)
    def post(self, body, client_id):
        """Send a message in the client's thread"""
        return messages.send_message(uow(), actor(), client_id, body["body"])


@blp.route("/messages/unread")
class Unread(MethodView):
    @roles_required(*POLICY.roles("unread_messages"))
    @blp.response(200, schemas.UnreadSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """The organisation's clients with messages the dietitian has not read"""
        return messages.unread_for_dietitian(uow(), actor())


@blp.route("/clients/<int:client_id>/week")
class Week(MethodView):
    @roles_required(*POLICY.roles("overview"))
    @blp.response(200, schemas.PortalWeekSchema)
    def get(self, client_id):
        """This week's approved meals: texture in words and colour, allergens, reheating steps"""
        return overview.week(uow(), actor(), client_id)


@blp.route("/clients/<int:client_id>/fhir-bundle")
class FhirBundle(MethodView):
    @roles_required(*POLICY.roles("my_data"))
    @blp.response(200)
    def get(self, client_id):
        """Everything the service holds about the client, as a FHIR R4 Bundle"""
        return my_data.fhir_bundle(uow(), actor(), client_id)
