"""A dish's texture variants: a variant in another texture, and a new version of a
variant (the old version is retired, plans keep it) — ``catalogue.variants``. A new texture
or an allergen change is proposed for a second admin (``webapp.admin.changes``)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, gettext as _

from nutriplat import food
from nutriplat.catalogue import services, variants
from nutriplat.catalogue import vocabulary as vocab
from nutriplat.catalogue.models import CatalogueChange, DishVariant
from nutriplat.catalogue.policy import POLICY
from nutriplat.catalogue.schemas.dishes import VariantChangeSchema, VariantSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_variants", __name__, url_prefix="/admin/catalogue")
NUMBERS = (*(f"nutrients.{n}" for n in vocab.NUTRIENTS), "volume_l", "shelf_life_days", "price_eur")
LISTS = ("allergens", "slots")


def _form() -> Form:
    return Form(request.form, lists=LISTS, numbers=NUMBERS)


def _choices() -> dict[str, Any]:
    return {"allergens": [(a, a) for a in food.ALLERGENS], "slots": [(s, label("slot", s)) for s in food.MEAL_SLOTS],
            "storage": [(s, label("storage_class", s)) for s in vocab.STORAGE_CLASSES],
            "food_levels": [(lvl, vocab.texture_label(lvl, None)) for lvl in food.IDDSI_FOOD_LEVELS],
            "drink_levels": [(lvl, vocab.texture_label(None, lvl)) for lvl in food.IDDSI_DRINK_LEVELS],
            "nutrients": vocab.NUTRIENTS}


@bp.route("/dishes/<int:dish_id>/variants/new", methods=["GET", "POST"])
@login_required(*POLICY.roles("add_variant"))
def add(dish_id: int):  # type: ignore[no-untyped-def]
    dish = services.get_dish(uow(), actor(), dish_id)
    form = _form()
    if request.method == "POST":
        with form.handling():
            variants.add_variant(uow(), actor(), dish_id, form.load(VariantSchema()))
            flash(_("The new texture is proposed; it applies once a second admin approves it."), "success")
            return redirect(url_for("webapp.admin_catalogue.dish", dish_id=dish_id))
    return render_template("admin/variant_form.html", dish=dish, variant=None, form=form,
                           **_choices()), form.status


@bp.route("/variants/<int:variant_id>/versions/new", methods=["GET", "POST"])
@login_required(*POLICY.roles("revise_variant"))
def revise(variant_id: int):  # type: ignore[no-untyped-def]
    current = variants.get_variant(uow(), actor(), variant_id)
    form = _form() if request.method == "POST" else Form(_values(current), lists=LISTS)
    if request.method == "POST":
        with form.handling():
            made = variants.revise_variant(uow(), actor(), variant_id, form.load(VariantChangeSchema(partial=True)))
            if isinstance(made, CatalogueChange):  # allergens: a second admin approves
                flash(_("The allergen change is proposed; it applies once a second admin approves it."), "success")
            else:
                flash(_("Version %(version)d of %(name)s is written.", version=made.version, name=made.name),
                      "success")
            return redirect(url_for("webapp.admin_catalogue.dish", dish_id=made.dish_id))
    return render_template("admin/variant_form.html", dish=current.dish, variant=current, form=form,
                           **_choices()), form.status


def _values(variant: DishVariant) -> list[tuple[str, Any]]:
    """The current version's values, to change what differs; numbers written in the
    user's language, as ``Form`` reads them back."""
    values: list[tuple[str, Any]] = [("name", variant.name), ("storage_class", variant.storage_class),
                                     ("shelf_life_days", variant.shelf_life_days),
                                     ("volume_l", format_decimal(variant.volume_l, format="0.######")),
                                     ("price_eur", format_decimal(variant.price_eur, format="0.00"))]
    values += [(f"nutrients.{n}", format_decimal(getattr(variant, n), format="0.######")) for n in vocab.NUTRIENTS]
    values += [("allergens", a) for a in variant.allergens] + [("slots", s) for s in variant.slots]
    return values
