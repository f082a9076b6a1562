"""/dishes and /dish-variants: the catalogue.

Who reads and who edits: ``catalogue.policy``; an editor's allergen change
or new texture is answered 202 and waits for a second admin (``/catalogue-changes``)."""
from __future__ import annotations

from flask import Response, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.catalogue import services, variants
from nutriplat.catalogue.models import CatalogueChange
from nutriplat.catalogue.policy import POLICY
from nutriplat.catalogue.schemas import dishes as schemas
from nutriplat.catalogue.schemas.changes import CatalogueChangeSchema
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("catalogue", __name__, url_prefix="/api/v1", description="Dish catalogue")

HELD = "Held for a second admin's approval (allergens or a new texture)."


def held(change: CatalogueChange) -> Response:
    response = jsonify(CatalogueChangeSchema().dump(change))
    response.status_code = 202
    return response


@blp.route("/dishes")
class Dishes(MethodView):
    @roles_required(*POLICY.roles("list_dishes"))
    @blp.arguments(schemas.DishQuerySchema, location="query")
    @blp.response(200, schemas.DishDumpSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Dishes on the menu with their current variants, filterable by texture, slot and allergens"""
        dishes, pagination_parameters.item_count = services.list_dishes(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return dishes

    @roles_required(*POLICY.roles("create_dish"))
    @blp.arguments(schemas.DishSchema)
    @blp.response(201, schemas.DishDumpSchema)
    def post(self, body):
        """Add a dish, optionally with its texture variants"""
        return services.create_dish(uow(), actor(), body)


@blp.route("/dishes/<int:dish_id>")
class DishById(MethodView):
    @roles_required(*POLICY.roles("get_dish"))
    @blp.response(200, schemas.DishDumpSchema)
    def get(self, dish_id):
        """One dish with its current variants"""
        return services.get_dish(uow(), actor(), dish_id)

    @roles_required(*POLICY.roles("update_dish"))
    @blp.arguments(schemas.DishChangeSchema)
    @blp.response(200, schemas.DishDumpSchema)
    def patch(self, body, dish_id):
        """Rename or describe a dish (kind and course are fixed)"""
        return services.update_dish(uow(), actor(), dish_id, body)

    @roles_required(*POLICY.roles("withdraw_dish"))
    @blp.response(200, schemas.DishDumpSchema)
    def delete(self, dish_id):
        """Withdraw a dish from the menu; plans that used it keep it"""
        return services.withdraw_dish(uow(), actor(), dish_id)


@blp.route("/dishes/<int:dish_id>/variants")
class DishVariants(MethodView):
    @roles_required(*POLICY.roles("add_variant"))
    @blp.arguments(schemas.VariantSchema)
    @blp.response(202, CatalogueChangeSchema, description=HELD)
    def post(self, body, dish_id):
        """Propose the dish in another texture; a second admin approves it"""
        return variants.add_variant(uow(), actor(), dish_id, body)


@blp.route("/dish-variants/<int:variant_id>")
class VariantById(MethodView):
    @roles_required(*POLICY.roles("get_variant"))
    @blp.response(200, schemas.VariantSchema)
    def get(self, variant_id):
        """One variant version, current or not, with its nutrients per portion"""
        return variants.get_variant(uow(), actor(), variant_id)

    @roles_required(*POLICY.roles("revise_variant"))
    @blp.arguments(schemas.VariantChangeSchema(partial=True))
    @blp.response(200, schemas.VariantSchema)
    @blp.alt_response(202, schema=CatalogueChangeSchema, description=HELD)
    def patch(self, body, variant_id):
        """Change a variant: writes the next version (a new id) and retires this one"""
        made = variants.revise_variant(uow(), actor(), variant_id, body)
        return held(made) if isinstance(made, CatalogueChange) else made

    @roles_required(*POLICY.roles("withdraw_variant"))
    @blp.response(200, schemas.VariantSchema)
    def delete(self, variant_id):
        """Stop offering this texture; plans that used it keep it"""
        return variants.withdraw_variant(uow(), actor(), variant_id)


@blp.route("/dish-variants/<int:variant_id>/versions")
class VariantVersions(MethodView):
    @roles_required(*POLICY.roles("list_versions"))
    @blp.response(200, schemas.VariantSchema(many=True))
    @paginated(blp, Page)
    def get(self, variant_id):
        """Every version of this variant, oldest first"""
        return variants.list_versions(uow(), actor(), variant_id)
