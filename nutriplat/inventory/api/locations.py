"""/locations and /clients/{id}/delivery-schedule."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.inventory import locations
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.schemas.locations import (
    DeliveryScheduleSchema, StockLocationQuerySchema, StockLocationSchema, StockLocationUpdateSchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("inventory_locations", __name__, url_prefix="/api/v1",
                description="Stock locations (warehouses, vehicles, home appliances) and delivery schedules")


@blp.route("/locations")
class Locations(MethodView):
    @roles_required(*POLICY.roles("list_locations"))
    @blp.arguments(StockLocationQuerySchema, location="query")
    @blp.response(200, StockLocationSchema(many=True))
    @paginated(blp, Page)
    def get(self, filters):
        """Warehouses, vehicles and home appliances"""
        return locations.list_locations(uow(), actor(), filters)

    @roles_required(*POLICY.roles("create_location"))
    @blp.arguments(StockLocationSchema)
    @blp.response(201, StockLocationSchema)
    def post(self, body):
        """Add a warehouse, a vehicle, or a client's appliance (freezer, fridge, cupboard)"""
        return locations.create_location(uow(), actor(), body)


@blp.route("/locations/<int:location_id>")
class LocationById(MethodView):
    @roles_required(*POLICY.roles("get_location"))
    @blp.response(200, StockLocationSchema)
    def get(self, location_id):
        """One location"""
        return locations.get_location(uow(), actor(), location_id)

    @roles_required(*POLICY.roles("update_location"))
    @blp.arguments(StockLocationUpdateSchema)
    @blp.response(200, StockLocationSchema)
    def patch(self, body, location_id):
        """Rename, change the capacity, or take out of use"""
        return locations.update_location(uow(), actor(), location_id, body)


@blp.route("/clients/<int:client_id>/delivery-schedule")
class Schedule(MethodView):
    @roles_required(*POLICY.roles("get_schedule"))
    @blp.response(200, DeliveryScheduleSchema)
    def get(self, client_id):
        """The client's delivery days, cut-off and lead time, and the next delivery days"""
        return locations.get_schedule(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("put_schedule"))
    @blp.arguments(DeliveryScheduleSchema)
    @blp.response(200, DeliveryScheduleSchema)
    def put(self, body, client_id):
        """Set the delivery days, the order cut-off (HH:MM, lead_time_days before) and the warehouse"""
        return locations.put_schedule(uow(), actor(), client_id, body)
