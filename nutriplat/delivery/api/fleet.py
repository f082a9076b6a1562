"""/depots, /vans, /drivers: the fleet, for logistics and admins of the organisation."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import depots, drivers, vans
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.fleet import (DepotSchema, DriverPatchSchema, RouteDriverSchema, VanPatchSchema,
                                               VanQuerySchema, VanSchema)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("delivery_fleet", __name__, url_prefix="/api/v1", description="Depots, vans and drivers")


@blp.route("/depots")
class Depots(MethodView):
    @roles_required(*POLICY.roles("list_depots"))
    @blp.response(200, DepotSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Warehouses with coordinates and opening hours: where vans start"""
        return depots.list_depots(uow(), actor())


@blp.route("/depots/<int:warehouse_id>")
class DepotById(MethodView):
    @roles_required(*POLICY.roles("get_depot"))
    @blp.response(200, DepotSchema)
    def get(self, warehouse_id):
        """One depot"""
        return depots.get_depot(uow(), actor(), warehouse_id)

    @roles_required(*POLICY.roles("put_depot"))
    @blp.arguments(DepotSchema)
    @blp.response(200, DepotSchema)
    def put(self, body, warehouse_id):
        """Give a warehouse its coordinates and opening hours (create or replace)"""
        return depots.put_depot(uow(), actor(), warehouse_id, body)


@blp.route("/vans")
class Vans(MethodView):
    @roles_required(*POLICY.roles("list_vans"))
    @blp.arguments(VanQuerySchema, location="query")
    @blp.response(200, VanSchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """Vans (?depot_id=)"""
        return vans.list_vans(uow(), actor(), query.get("depot_id"))

    @roles_required(*POLICY.roles("create_van"))
    @blp.arguments(VanSchema)
    @blp.response(201, VanSchema)
    def post(self, body):
        """A van: a new vehicle location (name) or an existing one (location_id)"""
        return vans.create_van(uow(), actor(), body)


@blp.route("/vans/<int:van_id>")
class VanById(MethodView):
    @roles_required(*POLICY.roles("get_van"))
    @blp.response(200, VanSchema)
    def get(self, van_id):
        """One van"""
        return vans.get_van(uow(), actor(), van_id)

    @roles_required(*POLICY.roles("update_van"))
    @blp.arguments(VanPatchSchema(partial=True))
    @blp.response(200, VanSchema)
    def patch(self, body, van_id):
        """Change a van"""
        return vans.update_van(uow(), actor(), van_id, body)

    @roles_required(*POLICY.roles("retire_van"))
    @blp.response(204)
    def delete(self, van_id):
        """Retire a van (kept for past plans)"""
        vans.retire_van(uow(), actor(), van_id)


@blp.route("/drivers")
class Drivers(MethodView):
    @roles_required(*POLICY.roles("list_drivers"))
    @blp.response(200, RouteDriverSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Active drivers"""
        return drivers.list_drivers(uow(), actor())

    @roles_required(*POLICY.roles("create_driver"))
    @blp.arguments(RouteDriverSchema)
    @blp.response(201, RouteDriverSchema)
    def post(self, body):
        """A driver, optionally linked to a logistics user"""
        return drivers.create_driver(uow(), actor(), body)


@blp.route("/drivers/<int:driver_id>")
class DriverById(MethodView):
    @roles_required(*POLICY.roles("get_driver"))
    @blp.response(200, RouteDriverSchema)
    def get(self, driver_id):
        """One driver"""
        return drivers.get_driver(uow(), actor(), driver_id)

    @roles_required(*POLICY.roles("update_driver"))
    @blp.arguments(DriverPatchSchema(partial=True))
    @blp.response(200, RouteDriverSchema)
    def patch(self, body, driver_id):
        """Change a driver"""
        return drivers.update_driver(uow(), actor(), driver_id, body)

    @roles_required(*POLICY.roles("retire_driver"))
    @blp.response(204)
    def delete(self, driver_id):
        """Retire a driver (kept for past plans)"""
        drivers.retire_driver(uow(), actor(), driver_id)
