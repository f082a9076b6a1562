"""/content-items (the library) and /clients/{id}/content-assignments (what a client and
their caregivers were given, with read receipts)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.content import assigning, library
from nutriplat.content.policy import POLICY
from nutriplat.content.schemas import (
    ContentAssignmentSchema,
    ContentItemPatchSchema,
    ContentItemQuerySchema,
    ContentItemSchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("content", __name__, url_prefix="/api/v1",
                description="The information platform: articles, videos and leaflets, assigned and read")


@blp.route("/content-items")
class ContentItems(MethodView):
    @roles_required(*POLICY.roles("list_content_items"))
    @blp.arguments(ContentItemQuerySchema, location="query")
    @blp.response(200, ContentItemSchema(many=True))
    @paginated(blp)
    def get(self, filters, pagination_parameters):
        """The library (a caregiver: the items assigned to the clients who mandated them)"""
        found, pagination_parameters.item_count = library.list_items(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found

    @roles_required(*POLICY.roles("add_content_item"))
    @blp.arguments(ContentItemSchema)
    @blp.response(201, ContentItemSchema)
    def post(self, body):
        """Add an item, or another language version of one (same key)"""
        return library.add_item(uow(), actor(), body)


@blp.route("/content-items/<int:item_id>")
class ContentItemById(MethodView):
    @roles_required(*POLICY.roles("get_content_item"))
    @blp.response(200, ContentItemSchema)
    def get(self, item_id):
        """One item with its text"""
        return library.get_item(uow(), actor(), item_id)

    @roles_required(*POLICY.roles("update_content_item"))
    @blp.arguments(ContentItemPatchSchema(partial=True))
    @blp.response(200, ContentItemSchema)
    def patch(self, body, item_id):
        """Revise an item (a new review date, a corrected text)"""
        return library.update_item(uow(), actor(), item_id, body)


@blp.route("/clients/<int:client_id>/content-assignments")
class ContentAssignments(MethodView):
    @roles_required(*POLICY.roles("list_content_assignments"))
    @blp.response(200, ContentAssignmentSchema(many=True))
    @paginated(blp, Page)  # a client's reading list: short by nature
    def get(self, client_id):
        """What the client and their caregivers were given, newest first, with read_at"""
        return assigning.list_assignments(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("assign_content"))
    @blp.arguments(ContentAssignmentSchema)
    @blp.response(201, ContentAssignmentSchema)
    def post(self, body, client_id):
        """Give the client (or one of their caregivers) an item of the library"""
        return assigning.assign(uow(), actor(), client_id, body)


@blp.route("/clients/<int:client_id>/content-assignments/<int:assignment_id>/read")
class ContentRead(MethodView):
    @roles_required(*POLICY.roles("mark_content_read"))
    @blp.response(200, ContentAssignmentSchema)
    def post(self, client_id, assignment_id):
        """Mark an item read (the first reading is kept as the receipt)"""
        return assigning.mark_read(uow(), actor(), client_id, assignment_id)
