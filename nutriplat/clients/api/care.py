"""/clients/{id}/mandates, /consents, /measurements and /intake."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.clients import consents, measurements
from nutriplat.clients.policy import POLICY
from nutriplat.clients.schemas.consents import ConsentSchema, MandateSchema
from nutriplat.clients.schemas.measurements import (
    IntakeQuerySchema, IntakeSchema, MeasurementQuerySchema, MeasurementSchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("client_care", __name__, url_prefix="/api/v1/clients/<int:client_id>",
                description="Caregiver mandates, consents, measurements and intake")


@blp.route("/mandates")
class Mandates(MethodView):
    @roles_required(*POLICY.roles("list_mandates"))
    @blp.response(200, MandateSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """Mandates the client gave to caregivers, withdrawn ones included"""
        return consents.list_mandates(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("give_mandate"))
    @blp.arguments(MandateSchema)
    @blp.response(201, MandateSchema)
    def post(self, body, client_id):
        """Record a mandate the client gives a caregiver (scopes view, record, order)"""
        return consents.give_mandate(uow(), actor(), client_id, body)


@blp.route("/mandates/<int:mandate_id>")
class MandateById(MethodView):
    @roles_required(*POLICY.roles("withdraw_mandate"))
    @blp.response(200, MandateSchema)
    def delete(self, client_id, mandate_id):
        """Withdraw a mandate (kept in the history)"""
        return consents.withdraw_mandate(uow(), actor(), client_id, mandate_id)


@blp.route("/consents")
class Consents(MethodView):
    @roles_required(*POLICY.roles("list_consents"))
    @blp.response(200, ConsentSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """Consents per purpose, withdrawn ones included"""
        return consents.list_consents(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("give_consent"))
    @blp.arguments(ConsentSchema)
    @blp.response(201, ConsentSchema)
    def post(self, body, client_id):
        """Record a consent the client gives (care, cofinancer_reporting, research)"""
        return consents.give_consent(uow(), actor(), client_id, body)


@blp.route("/consents/<int:consent_id>")
class ConsentById(MethodView):
    @roles_required(*POLICY.roles("withdraw_consent"))
    @blp.response(200, ConsentSchema)
    def delete(self, client_id, consent_id):
        """Withdraw a consent (kept in the history)"""
        return consents.withdraw_consent(uow(), actor(), client_id, consent_id)


@blp.route("/measurements")
class Measurements(MethodView):
    @roles_required(*POLICY.roles("list_measurements"))
    @blp.arguments(MeasurementQuerySchema, location="query")
    @blp.response(200, MeasurementSchema(many=True))
    @paginated(blp, Page)
    def get(self, args, client_id):
        """Measurements oldest first, optionally of one type"""
        return measurements.list_measurements(uow(), actor(), client_id, args.get("type"))

    @roles_required(*POLICY.roles("record_measurement"))
    @blp.arguments(MeasurementSchema)
    @blp.response(201, MeasurementSchema)
    def post(self, body, client_id):
        """Record a weight, height, MUAC or calf circumference"""
        return measurements.record_measurement(uow(), actor(), client_id, body)


@blp.route("/intake")
class Intake(MethodView):
    @roles_required(*POLICY.roles("list_intake"))
    @blp.arguments(IntakeQuerySchema, location="query")
    @blp.response(200, IntakeSchema(many=True))
    @paginated(blp, Page)
    def get(self, args, client_id):
        """Meal intake records between two dates"""
        return measurements.list_intake(uow(), actor(), client_id, args.get("since"), args.get("until"))

    @roles_required(*POLICY.roles("record_intake"))
    @blp.arguments(IntakeSchema)
    @blp.response(201, IntakeSchema)
    def post(self, body, client_id):
        """Record how much of a meal was eaten, how long it took, and fluid"""
        return measurements.record_intake(uow(), actor(), client_id, body)
