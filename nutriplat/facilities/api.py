"""/facility-sites, /wards and /service-agreements: the facilities a provider serves."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.facilities import agreements, structure
from nutriplat.facilities.policy import POLICY
from nutriplat.facilities.schemas import (
    EndAgreementSchema,
    RoomSchema,
    ServiceAgreementSchema,
    SiteSchema,
    WardQuerySchema,
    WardSchema,
    WardStaffSchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("facilities", __name__, url_prefix="/api/v1",
                description="Care facilities served: sites, wards, rooms, ward staff, service agreements")


@blp.route("/facility-sites")
class Sites(MethodView):
    @roles_required(*POLICY.roles("list_sites"))
    @blp.response(200, SiteSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """The sites of the facilities the caller's provider serves"""
        return structure.list_sites(uow(), actor())

    @roles_required(*POLICY.roles("create_site"))
    @blp.arguments(SiteSchema)
    @blp.response(201, SiteSchema)
    def post(self, body):
        """A site (building, address, coordinates) of a care facility"""
        return structure.create_site(uow(), actor(), body)


@blp.route("/wards")
class Wards(MethodView):
    @roles_required(*POLICY.roles("list_wards"))
    @blp.arguments(WardQuerySchema, location="query")
    @blp.response(200, WardSchema(many=True))
    @paginated(blp, Page)
    def get(self, args):
        """Wards with their rooms (ward staff: their own wards)"""
        return structure.list_wards(uow(), actor(), args.get("facility_id"))

    @roles_required(*POLICY.roles("create_ward"))
    @blp.arguments(WardSchema)
    @blp.response(201, WardSchema)
    def post(self, body):
        """A ward of a site, in a nursing home or a hospital"""
        return structure.create_ward(uow(), actor(), body)


@blp.route("/wards/<int:ward_id>")
class WardById(MethodView):
    @roles_required(*POLICY.roles("get_ward"))
    @blp.response(200, WardSchema)
    def get(self, ward_id):
        """One ward with its rooms"""
        return structure.get_ward(uow(), actor(), ward_id)


@blp.route("/wards/<int:ward_id>/rooms")
class Rooms(MethodView):
    @roles_required(*POLICY.roles("add_room"))
    @blp.arguments(RoomSchema)
    @blp.response(201, RoomSchema)
    def post(self, body, ward_id):
        """A room of the ward, with its beds"""
        return structure.add_room(uow(), actor(), ward_id, body)


@blp.route("/wards/<int:ward_id>/staff")
class Staff(MethodView):
    @roles_required(*POLICY.roles("assign_ward_staff"))
    @blp.response(200, WardStaffSchema(many=True))
    @paginated(blp, Page)
    def get(self, ward_id):
        """The ward staff users assigned to the ward"""
        return structure.list_ward_staff(uow(), actor(), ward_id)

    @roles_required(*POLICY.roles("assign_ward_staff"))
    @blp.arguments(WardStaffSchema)
    @blp.response(201, WardStaffSchema)
    def post(self, body, ward_id):
        """Assign a ward staff user of the facility to the ward"""
        return structure.assign_ward_staff(uow(), actor(), ward_id, body)


@blp.route("/service-agreements")
class Agreements(MethodView):
    @roles_required(*POLICY.roles("list_agreements"))
    @blp.response(200, ServiceAgreementSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """The provider's service agreements with facilities"""
        return agreements.list_agreements(uow(), actor())

    @roles_required(*POLICY.roles("create_agreement"))
    @blp.arguments(ServiceAgreementSchema)
    @blp.response(201, ServiceAgreementSchema)
    def post(self, body):
        """Wards served, meal moments, delivery days, cut-off, price, who is invoiced"""
        return agreements.create_agreement(uow(), actor(), body)


@blp.route("/service-agreements/<int:agreement_id>")
class AgreementById(MethodView):
    @roles_required(*POLICY.roles("get_agreement"))
    @blp.response(200, ServiceAgreementSchema)
    def get(self, agreement_id):
        """One service agreement"""
        return agreements.get_agreement(uow(), actor(), agreement_id)


@blp.route("/service-agreements/<int:agreement_id>/end")
class EndAgreement(MethodView):
    @roles_required(*POLICY.roles("end_agreement"))
    @blp.arguments(EndAgreementSchema)
    @blp.response(200, ServiceAgreementSchema)
    def post(self, body, agreement_id):
        """Set the agreement's last day"""
        return agreements.end_agreement(uow(), actor(), agreement_id, body["valid_until"])
