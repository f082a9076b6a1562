"""The dish catalogue: dishes with their current texture variants, one dish with the
versions of each variant, and a new dish (``catalogue.services``, the API's use cases)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.catalogue import services, variants
from nutriplat.catalogue import vocabulary as vocab
from nutriplat.catalogue.policy import POLICY
from nutriplat.catalogue.schemas.dishes import DishSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_catalogue", __name__, url_prefix="/admin/catalogue")
PAGE_SIZE = 25


@bp.get("/")
@login_required(*POLICY.roles("create_dish"))
def index():  # type: ignore[no-untyped-def]
    search = request.args.get("search", "").strip()
    withdrawn = request.args.get("include_withdrawn") == "true"
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    filters = {"include_withdrawn": withdrawn} | ({"search": search} if search else {})
    dishes, total = services.list_dishes(uow(), actor(), filters, page, PAGE_SIZE)
    return render_template("admin/catalogue.html", dishes=dishes, total=total, page=page, search=search,
                           withdrawn=withdrawn, pages=max(1, -(-total // PAGE_SIZE)))


@bp.get("/dishes/<int:dish_id>")
@login_required(*POLICY.roles("update_dish"))
def dish(dish_id: int):  # type: ignore[no-untyped-def]
    found = services.get_dish(uow(), actor(), dish_id)
    histories = {v.id: variants.list_versions(uow(), actor(), v.id) for v in found.current_variants}
    return render_template("admin/dish.html", dish=found, histories=histories)


@bp.route("/dishes/new", methods=["GET", "POST"])
@login_required(*POLICY.roles("create_dish"))
def new_dish():  # type: ignore[no-untyped-def]
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            # Keywords are typed as one comma-separated line; the schema checks each.
            keywords = [k.strip() for k in form.value("keywords").split(",") if k.strip()]
            data = form.load(DishSchema(exclude=("variants",)), extra={"keywords": keywords})
            made = services.create_dish(uow(), actor(), data)
            flash(_("The dish %(name)s is added; now add its texture variants.", name=made.name), "success")
            return redirect(url_for(".dish", dish_id=made.id))
    return render_template("admin/dish_new.html", form=form,
                           kinds=[(k, label("dish_kind", k)) for k in vocab.KINDS],
                           courses=[(c, label("course", c)) for c in vocab.FOOD_COURSES]), form.status
