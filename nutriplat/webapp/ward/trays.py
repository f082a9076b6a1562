"""Ward staff on a phone: their wards, a ward's trays of the day per meal moment with big
buttons for what was eaten (each the API's ``record_tray``: intake), and the printable
tray labels (resident, room, meal moment, dish, IDDSI level with its colour, allergens,
use-by) in the user's language."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat import food
from nutriplat.clock import business_today
from nutriplat.facilities import structure
from nutriplat.meals import trays
from nutriplat.meals.domain.trays import EATEN, IDDSI_DRINK_COLOURS, IDDSI_FOOD_COLOURS
from nutriplat.meals.policy import POLICY
from nutriplat.meals.schemas import TrayRecordSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("ward_trays", __name__, url_prefix="/ward")


@bp.get("")
@login_required(*POLICY.roles("tray_list"))
def index() -> ResponseReturnValue:
    wards = structure.list_wards(uow(), actor())
    if len(wards) == 1:  # ward staff go straight to their ward's trays
        return redirect(url_for(".trays_page", ward_id=wards[0].id))
    return render_template("ward/index.html", wards=wards)


@bp.get("/<int:ward_id>")
@login_required(*POLICY.roles("tray_list"))
def trays_page(ward_id: int) -> ResponseReturnValue:
    return _page(ward_id, _day(), request.args.get("meal_moment") or None)


@bp.post("/<int:ward_id>")
@login_required(*POLICY.roles("record_tray"))
def record(ward_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("client_id",))
    with form.handling():
        data = form.load(TrayRecordSchema())
        trays.record_tray(uow(), actor(), ward_id, data)
        flash(_("Recorded."), "success")
        return redirect(url_for(".trays_page", ward_id=ward_id, date=data["date"].isoformat(),
                                meal_moment=form.value("meal_moment"),
                                _anchor=f"tray-{data['client_id']}-{data['meal_moment']}"))
    return _page(ward_id, _day(form.value("date")), form.value("meal_moment") or None, form)


@bp.get("/<int:ward_id>/labels")
@login_required(*POLICY.roles("tray_list"))
def labels(ward_id: int) -> ResponseReturnValue:
    day = _day()
    sheet = trays.tray_list(uow(), actor(), ward_id, day, request.args.get("meal_moment") or None)
    return render_template("ward/labels.html", sheet=sheet, food_colours=IDDSI_FOOD_COLOURS,
                           drink_colours=IDDSI_DRINK_COLOURS)


def _page(ward_id: int, day: date, meal_moment: str | None, form: Form | None = None) -> tuple[str, int]:
    sheet = trays.tray_list(uow(), actor(), ward_id, day, meal_moment)  # 404 for another's ward
    return render_template("ward/trays.html", sheet=sheet, moments=food.MEAL_SLOTS, eaten=tuple(EATEN),
                           food_colours=IDDSI_FOOD_COLOURS, form=form or Form(),
                           can_record=actor().role in POLICY.roles("record_tray") and day <= business_today()
                           ), form.status if form else 200


def _day(value: Any = None) -> date:
    text = value or request.args.get("date")
    try:
        return date.fromisoformat(text) if text else business_today()
    except ValueError:
        return business_today()
