"""/referrals: a referrer sends and follows referrals; the provider's staff triage them."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.auth.actor import Actor
from nutriplat.auth.roles import REFERRER
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.referrals import referring, triage
from nutriplat.referrals.models import Referral
from nutriplat.referrals.policy import POLICY
from nutriplat.referrals.schemas import (
    AcceptSchema,
    DeclineSchema,
    InboxReferralSchema,
    ReferralQuerySchema,
    SentReferralSchema,
)
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("referrals", __name__, url_prefix="/api/v1/referrals",
                description="Referrals from GPs, hospitals and home nursing, and the provider's inbox")

SHAPE = ("A referrer reads the referral's own fields and status (SentReferral); the provider's "
         "staff also client_id and handled_by (InboxReferral).")


def response_doc(many: bool = False) -> dict[str, Any]:
    """The OpenAPI 200 response: either shape, by role (dumped by ``shown``)."""
    shape: dict[str, Any] = {"anyOf": [{"$ref": "#/components/schemas/InboxReferral"},
                                       {"$ref": "#/components/schemas/SentReferral"}]}
    response: dict[str, Any] = {"description": SHAPE}
    if many:
        shape = {"type": "array", "items": shape}
        response["headers"] = {"X-Pagination": {"$ref": "#/components/headers/PAGINATION"}}
    response["content"] = {"application/json": {"schema": shape}}
    return {"responses": {"200": response}}


def shown(caller: Actor, referral: Referral | list[Referral]) -> Any:
    """What the caller may read: never the client a referral became, for a referrer."""
    many = isinstance(referral, list)
    schema = SentReferralSchema if caller.role == REFERRER else InboxReferralSchema
    return schema(many=many).dump(referral)


@blp.route("")
class Referrals(MethodView):
    @roles_required(*POLICY.roles("list_referrals"))
    @blp.arguments(ReferralQuerySchema, location="query")
    @blp.response(200)
    @blp.doc(**response_doc(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """A referrer's own organisation's referrals, or the staff's inbox; newest first"""
        found, pagination_parameters.item_count = referring.list_referrals(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return shown(actor(), found)

    @roles_required(*POLICY.roles("refer"))
    @blp.arguments(SentReferralSchema)
    @blp.response(201, SentReferralSchema)
    def post(self, body):
        """Refer a person to a provider (consent for care recorded)"""
        return referring.refer(uow(), actor(), body)


@blp.route("/<int:referral_id>")
class ReferralById(MethodView):
    @roles_required(*POLICY.roles("get_referral"))
    @blp.response(200)
    @blp.doc(**response_doc())
    def get(self, referral_id):
        """One referral, if the caller's organisation sent or received it"""
        return shown(actor(), referring.get_referral(uow(), actor(), referral_id))


@blp.route("/<int:referral_id>/triage")
class Triage(MethodView):
    @roles_required(*POLICY.roles("triage"))
    @blp.response(200, InboxReferralSchema)
    def post(self, referral_id):
        """received → triaged: seen, being looked into"""
        return triage.triage(uow(), actor(), referral_id)


@blp.route("/<int:referral_id>/accept")
class Accept(MethodView):
    @roles_required(*POLICY.roles("accept"))
    @blp.arguments(AcceptSchema)
    @blp.response(200, InboxReferralSchema)
    def post(self, body, referral_id):
        """Accept: register the person as a client, or link an existing client; 409 lists likely duplicates"""
        return triage.accept(uow(), actor(), referral_id, body)


@blp.route("/<int:referral_id>/decline")
class Decline(MethodView):
    @roles_required(*POLICY.roles("decline"))
    @blp.arguments(DeclineSchema)
    @blp.response(200, InboxReferralSchema)
    def post(self, body, referral_id):
        """Decline with a reason the referrer sees"""
        return triage.decline(uow(), actor(), referral_id, body["reason"])
