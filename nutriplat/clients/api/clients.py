"""/clients: the record, its care-setting transfers and status changes."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.clients import duplicates, lifecycle, logistics_view, services
from nutriplat.clients.policy import POLICY
from nutriplat.clients.schemas import clients as schemas
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("clients", __name__, url_prefix="/api/v1/clients", description="Clients")


@blp.route("")
class Clients(MethodView):
    # The shape depends on the role (logistics sees nothing clinical): dumped by
    # logistics_view, documented as either shape.
    @roles_required(*POLICY.roles("list_clients"))
    @blp.arguments(schemas.ClientQuerySchema, location="query")
    @blp.response(200)
    @blp.doc(**logistics_view.response_doc("ClientRead", many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Clients visible to the caller, searchable by name"""
        clients, pagination_parameters.item_count = services.list_clients(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return logistics_view.dump(actor(), clients, detail=False)

    @roles_required(*POLICY.roles("create_client"))
    @blp.arguments(schemas.ClientSchema)
    @blp.response(201, schemas.ClientDetailSchema)
    def post(self, body):
        """Register a client in the caller's organisation"""
        return services.create_client(uow(), actor(), body)


@blp.route("/likely-duplicates")
class LikelyDuplicates(MethodView):
    @roles_required(*POLICY.roles("find_duplicates"))
    @blp.arguments(schemas.DuplicateQuerySchema, location="query")
    @blp.response(200)
    # a list pages: this replaces the response paginate() documents, so it names the header too
    @blp.doc(responses={"200": {"description": "The likely duplicates, oldest record first",
                                "headers": {"X-Pagination": {"$ref": "#/components/headers/PAGINATION"}},
                                "content": {"application/json": {"schema": {
                                    "type": "array", "items": {"$ref": "#/components/schemas/ClientRead"}}}}}})
    @paginated(blp, Page)  # a handful at most: a short list by nature
    def get(self, person):
        """Before registering someone: your clients with the same family name, birth date and postal code"""
        # ClientRead is registered once, by logistics_view's shapes: dumped here, referred to above.
        return schemas.ClientReadSchema(many=True).dump(duplicates.find_duplicates(uow(), actor(), **person))


@blp.route("/<int:client_id>")
class ClientById(MethodView):
    @roles_required(*POLICY.roles("get_client"))
    @blp.response(200)
    @blp.doc(**logistics_view.response_doc("ClientDetail"))
    def get(self, client_id):
        """One client with the history of settings and statuses"""
        return logistics_view.dump(actor(), services.get_client(uow(), actor(), client_id))

    @roles_required(*POLICY.roles("update_client"))
    @blp.arguments(schemas.ClientUpdateSchema(partial=True))
    @blp.response(200, schemas.ClientDetailSchema)
    def patch(self, body, client_id):
        """Change any part of the record; pass expected_version to detect lost updates"""
        return services.update_client(uow(), actor(), client_id, body)


@blp.route("/<int:client_id>/care-setting-transfers")
class Transfers(MethodView):
    @roles_required(*POLICY.roles("transfer"))
    @blp.arguments(schemas.TransferSchema)
    @blp.response(201, schemas.TransferSchema)
    def post(self, body, client_id):
        """Move the client between home, nursing home and hospital"""
        return lifecycle.transfer(uow(), actor(), client_id, body)


@blp.route("/<int:client_id>/status-changes")
class StatusChanges(MethodView):
    @roles_required(*POLICY.roles("change_status"))
    @blp.arguments(schemas.StatusChangeSchema)
    @blp.response(201, schemas.StatusChangeSchema)
    def post(self, body, client_id):
        """referred → active → paused ⇄ active; any → ended"""
        return lifecycle.change_status(uow(), actor(), client_id, body)
