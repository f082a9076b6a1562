"""Texture, drink level, allergies and preparation mode: the form first shows what the
change does to the client's current plans (the items that become unsuitable and what
replaces each) and open delivery orders (the lines picking will leave out), and saves
only on an explicit confirmation, with its reason audited."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from nutriplat import food
from nutriplat.clients import services as clients
from nutriplat.clients.models import Client
from nutriplat.clients.schemas.clients import DietChangeSchema
from nutriplat.clients.vocabulary import PREPARATION_MODES
from nutriplat.clock import business_today
from nutriplat.delivery import diet_change as orders_change
from nutriplat.mealplans import diet_change
from nutriplat.mealplans.policy import POLICY as PLANS
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("diet", __name__, url_prefix="/dietitian/clients/<int:client_id>/diet")
CONFIRM = "confirm"  # the button that saves; without it the form only previews


def _current(client: Client) -> Form:
    return Form([("iddsi_food_level", client.iddsi_food_level), ("iddsi_drink_level", client.iddsi_drink_level),
                 ("preparation_mode", client.preparation_mode or ""), ("expected_version", client.version),
                 *(("allergies", a) for a in client.allergies or ())], lists=("allergies",))


@bp.route("", methods=["GET", "POST"])
@login_required(*PLANS.roles("change_item"))  # the change replaces plan items
def edit(client_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    if request.method == "GET":
        return _page(client, _current(client))
    form = Form([(k, v) for k, v in request.form.items(multi=True) if k != CONFIRM],
                lists=("allergies",), numbers=("expected_version",))
    unsuitable, dropped = None, None
    with form.handling():
        change = form.load(DietChangeSchema())
        if CONFIRM not in request.form:
            unsuitable = diet_change.preview(uow(), actor(), client_id, change, business_today())
            dropped = orders_change.preview(uow(), actor(), client_id, change)
        else:
            clients.update_client(uow(), actor(), client_id, dict(change))
            # The record is now the new prescription: what it refuses is what gets replaced.
            found = diet_change.preview(uow(), actor(), client_id, {}, business_today())
            replaced = diet_change.replace_in_drafts(uow(), actor(), found)
            flash(_("The texture and allergies are saved.") + " " + ngettext(
                "%(num)d plan item was replaced.", "%(num)d plan items were replaced.", replaced), "success")
            return redirect(url_for("webapp.client.show", client_id=client_id))
    return _page(client, form, unsuitable, dropped)


def _page(client: Client, form: Form, unsuitable: list[diet_change.Unsuitable] | None = None,
          dropped: list[orders_change.DroppedLine] | None = None) -> ResponseReturnValue:
    return render_template(
        "dietitian/diet.html", client=client, form=form, unsuitable=unsuitable, dropped=dropped,
        food_levels=food.IDDSI_FOOD_LEVELS, drink_levels=food.IDDSI_DRINK_LEVELS,
        allergens=food.ALLERGENS, preparation_modes=PREPARATION_MODES), form.status
