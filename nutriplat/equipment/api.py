"""/assets, /asset-tasks, /repair-jobs: rented equipment, for logistics and admins."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.equipment import assets, home_breakdowns, repairs, tasks
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.schemas import (
    AssetPatchSchema,
    AssetQuerySchema,
    AssetSchema,
    AssetTaskConfirmationSchema,
    AssetTaskQuerySchema,
    AssetTaskSchema,
    BreakdownSchema,
    CollectSchema,
    HomeBreakdownSchema,
    InstallSchema,
    RepairJobCloseSchema,
    RepairJobQuerySchema,
    RepairJobSchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("equipment", __name__, url_prefix="/api/v1", description="Rented freezers and regeneration ovens")


@blp.route("/assets")
class Assets(MethodView):
    @roles_required(*POLICY.roles("list_assets"))
    @blp.arguments(AssetQuerySchema, location="query")
    @blp.response(200, AssetSchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """Assets (?kind=&state=&warehouse_id=&client_id=)"""
        return assets.list_assets(uow(), actor(), query)

    @roles_required(*POLICY.roles("register_asset"))
    @blp.arguments(AssetSchema)
    @blp.response(201, AssetSchema)
    def post(self, body):
        """Register a freezer or regeneration oven (in stock at its warehouse)"""
        return assets.register_asset(uow(), actor(), body)


@blp.route("/assets/<int:asset_id>")
class AssetById(MethodView):
    @roles_required(*POLICY.roles("get_asset"))
    @blp.response(200, AssetSchema)
    def get(self, asset_id):
        """One asset: where it stands, its placements, open task and open repair"""
        return assets.get_asset(uow(), actor(), asset_id)

    @roles_required(*POLICY.roles("update_asset"))
    @blp.arguments(AssetPatchSchema)
    @blp.response(200, AssetSchema)
    def patch(self, body, asset_id):
        """Change what describes an asset (with its version)"""
        return assets.update_asset(uow(), actor(), asset_id, body)


@blp.route("/assets/<int:asset_id>/install")
class Install(MethodView):
    @roles_required(*POLICY.roles("schedule_install"))
    @blp.arguments(InstallSchema)
    @blp.response(201, AssetTaskSchema)
    def post(self, body, asset_id):
        """Plan an install at a client's home: a stop on that day's route"""
        return tasks.schedule_install(uow(), actor(), asset_id, body)


@blp.route("/assets/<int:asset_id>/collect")
class Collect(MethodView):
    @roles_required(*POLICY.roles("schedule_collect"))
    @blp.arguments(CollectSchema)
    @blp.response(201, AssetTaskSchema)
    def post(self, body, asset_id):
        """Plan a collection from the client's home: a stop on that day's route"""
        return tasks.schedule_collect(uow(), actor(), asset_id, body)


@blp.route("/assets/<int:asset_id>/breakdown")
class Breakdown(MethodView):
    @roles_required(*POLICY.roles("report_breakdown"))
    @blp.arguments(BreakdownSchema)
    @blp.response(201, RepairJobSchema)
    def post(self, body, asset_id):
        """A breakdown: opens a repair job; a freezer's stock moves to a replacement or is at risk"""
        return repairs.report_breakdown(uow(), actor(), asset_id, body)


@blp.route("/clients/<int:client_id>/equipment/breakdowns")
class HomeBreakdown(MethodView):
    @roles_required(*POLICY.roles("report_from_home"))
    @blp.arguments(HomeBreakdownSchema)
    @blp.response(201, RepairJobSchema)
    def post(self, body, client_id):
        """The client or their caregiver reports that the freezer or oven at home broke down"""
        return home_breakdowns.report_from_home(uow(), actor(), client_id, body)


@blp.route("/asset-tasks")
class Tasks(MethodView):
    @roles_required(*POLICY.roles("list_tasks"))
    @blp.arguments(AssetTaskQuerySchema, location="query")
    @blp.response(200, AssetTaskSchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """Installs and collections (?status=&due_on=&asset_id=&client_id=&warehouse_id=)"""
        return tasks.list_tasks(uow(), actor(), query)


@blp.route("/asset-tasks/<int:task_id>")
class TaskById(MethodView):
    @roles_required(*POLICY.roles("cancel_task"))
    @blp.response(200, AssetTaskSchema)
    def delete(self, task_id):
        """Cancel a planned install or collection"""
        return tasks.cancel_task(uow(), actor(), task_id)


@blp.route("/asset-tasks/<int:task_id>/confirmation")
class TaskConfirmation(MethodView):
    @roles_required(*POLICY.roles("confirm_task"))
    @blp.arguments(AssetTaskConfirmationSchema)
    @blp.response(200, AssetTaskSchema)
    def post(self, body, task_id):
        """Confirm a task done off a route (on a route, the stop's confirmation does it)"""
        return tasks.confirm_task(uow(), actor(), task_id, body["outcome"])


@blp.route("/repair-jobs")
class Repairs(MethodView):
    @roles_required(*POLICY.roles("list_repairs"))
    @blp.arguments(RepairJobQuerySchema, location="query")
    @blp.response(200, RepairJobSchema(many=True))
    @paginated(blp, Page)
    def get(self, query):
        """Repair jobs (?status=&asset_id=)"""
        return repairs.list_repairs(uow(), actor(), query)


@blp.route("/repair-jobs/<int:job_id>/closing")
class RepairClosing(MethodView):
    @roles_required(*POLICY.roles("close_repair"))
    @blp.arguments(RepairJobCloseSchema)
    @blp.response(200, RepairJobSchema)
    def post(self, body, job_id):
        """Close a repair job: repaired (back in stock) or retired"""
        return repairs.close_repair(uow(), actor(), job_id, body)
