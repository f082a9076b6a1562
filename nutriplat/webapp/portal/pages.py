"""/app/me (the client) and /app/care (a caregiver: the clients who mandated them, one
page per client). One page per person with the sections Today and this week, What I ate,
At home, Goals and healthcoins, Messages, My data and consents; each form posts to the
API's use case and comes back to its section, errors next to their fields."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _
from marshmallow import Schema, ValidationError

from nutriplat.auth.roles import CAREGIVER, CLIENT
from nutriplat.billing import healthcoins
from nutriplat.billing.schemas.ledger import CoinRedemptionSchema
from nutriplat.clients import consents, measurements
from nutriplat.clients.schemas.measurements import IntakeSchema, MeasurementSchema
from nutriplat.clock import business_today, now
from nutriplat.content import assigning
from nutriplat.delivery import extra_orders, skips
from nutriplat.delivery.schemas.extra_orders import ExtraOrderSchema, SkipSchema
from nutriplat.errors import Conflict, ErrorCollector, InvalidInput
from nutriplat.portal import messages, my_data, overview
from nutriplat.portal.domain import meals
from nutriplat.portal.policy import POLICY
from nutriplat.portal.schemas import MessageSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form, flatten
from nutriplat.webapp.portal import care_alerts, sections
from nutriplat.webapp.session import login_required

bp = Blueprint("portal", __name__)
PERSONAL = POLICY.roles("overview")


@bp.get("/me")
@bp.get("/me/<section>")
@login_required(CLIENT)
def me(section: str = "today") -> ResponseReturnValue:
    return _page(_own(), section)


@bp.get("/care")
@login_required(CAREGIVER)
def care() -> ResponseReturnValue:
    """Every client who mandated this caregiver, by name (one tap opens their page), and the
    care-team alerts they were told of."""
    alerts, alerts_total = care_alerts.newest()
    return render_template("portal/care.html", people=overview.people(uow(), actor()), alerts=alerts,
                           alerts_total=alerts_total)


@bp.get("/care/<int:client_id>")
@bp.get("/care/<int:client_id>/<section>")
@login_required(CAREGIVER)
def care_client(client_id: int, section: str = "today") -> ResponseReturnValue:
    return _page(client_id, section)


@bp.get("/me/data.json")
@bp.get("/care/<int:client_id>/data.json")
@login_required(*POLICY.roles("my_data"))
def fhir(client_id: int | None = None) -> ResponseReturnValue:
    bundle = my_data.fhir_bundle(uow(), actor(), client_id or _own())
    response: Response = jsonify(bundle)
    response.headers["Content-Disposition"] = f'attachment; filename="nutriplat-{bundle["id"]}.json"'
    return response


@bp.post("/me/<action>")
@bp.post("/care/<int:client_id>/<action>")
@login_required(*PERSONAL)
def act(action: str, client_id: int | None = None) -> ResponseReturnValue:
    if action not in ACTIONS:
        abort(404)
    client_id = client_id or _own()
    form = Form(request.form, numbers=("quantity", "value", "glasses", "variant_id", "consent_id", "coins",
                                         "assignment_id"))
    with form.handling():
        done = ACTIONS[action](form, client_id)
        flash(done, "info")
        return redirect(f"{_here(client_id)}/{SECTION_OF[action]}#{action}")
    return _page(client_id, SECTION_OF[action], form, action)


def _own() -> int:
    own = actor().client_id
    if own is None:  # an account not tied to a record has no page of its own
        abort(404)
    return own


def _here(client_id: int) -> str:
    return url_for("webapp.portal.me") if actor().role == CLIENT else \
        url_for("webapp.portal.care_client", client_id=client_id)


def _page(client_id: int, section: str, form: Form | None = None, failed: str | None = None
          ) -> ResponseReturnValue:
    if section not in sections.READERS:
        abort(404)
    data = sections.gather(client_id, section)
    open_days = [d for d in data["deliveries"]["days"] if d["open"]] if "deliveries" in data else []
    return render_template(
        f"portal/{section}.html", **data, here=_here(client_id), form=form or Form(), blank=Form(), failed=failed,
        plate=meals.PLATE, glass_ml=meals.GLASS_ML,
        open_days_options=[(d["date"].isoformat(), format_date(d["date"], "full")) for d in open_days],
        skip_options=[(d["date"].isoformat(), format_date(d["date"], "full")) for d in open_days
                      if d["planned"] and not d["skipped"]],
        orderable_options=[(v["variant_id"], v["name"]) for v in data.get("orderable", [])],
    ), form.status if form else 200


def _meal(form: Form, client_id: int) -> str:
    errors, values = ErrorCollector(), form.data()
    if values.get("portion") not in dict(meals.PLATE):
        errors.add("portion", "Choose how much was eaten.")
    glasses = values.get("glasses", 0)
    if not isinstance(glasses, int) or not 0 <= glasses <= 20:
        errors.add("glasses", "A number of glasses from 0 to 20.")
    errors.raise_if_any()
    data = _load(IntakeSchema(), {"date": business_today().isoformat(), "meal_slot": values.get("meal_slot"),
                                  "percent_eaten": meals.percent_of(values["portion"]),
                                  "fluid_ml": glasses * meals.GLASS_ML})
    measurements.record_intake(uow(), actor(), client_id, data)
    return _("Saved: what was eaten.")


def _weight(form: Form, client_id: int) -> str:
    data = _load(MeasurementSchema(), {"type": "weight_kg", "value": form.data().get("value"),
                                       "measured_at": now().isoformat()})
    measurements.record_measurement(uow(), actor(), client_id, data)
    return _("Saved: the weight.")


def _extra(form: Form, client_id: int) -> str:
    values = form.data()
    data = _load(ExtraOrderSchema(), {"delivery_date": values.get("delivery_date"), "lines": [
        {"variant_id": values.get("variant_id"), "quantity": values.get("quantity")}]})
    try:
        extra_orders.create_extra_order(uow(), actor(), client_id, data)
    except (InvalidInput, Conflict) as error:  # the one line's fields are the form's fields
        raise type(error)(error.message, {k.removeprefix("lines.0."): v for k, v in error.errors.items()}) \
            from error
    return _("Ordered: the extra meals come with the delivery of that day.")


def _skip(form: Form, client_id: int) -> str:
    data = _load(SkipSchema(), form.data())
    skips.skip_delivery(uow(), actor(), client_id, data["delivery_date"])
    return _("Skipped: no delivery that day.")


def _unskip(form: Form, client_id: int) -> str:
    data = _load(SkipSchema(), form.data())
    skips.undo_skip(uow(), actor(), client_id, data["delivery_date"])
    return _("The delivery comes after all.")


def _redeem(form: Form, client_id: int) -> str:
    """The client's own coins (a caregiver's own stay theirs to redeem through the API)."""
    data = _load(CoinRedemptionSchema(), {"coins": form.data().get("coins")})
    entry = healthcoins.redeem(uow(), actor(), client_id, data)
    return _("Redeemed: € %(value)s off your next invoice.", value=entry.value)


def _read(form: Form, client_id: int) -> str:
    assigning.mark_read(uow(), actor(), client_id, int(form.value("assignment_id") or 0))
    return _("Marked as read.")


def _message(form: Form, client_id: int) -> str:
    messages.send_message(uow(), actor(), client_id, _load(MessageSchema(), form.data())["body"])
    return _("Sent to your dietitian.")


def _withdraw(form: Form, client_id: int) -> str:
    consents.withdraw_consent(uow(), actor(), client_id, int(form.value("consent_id") or 0))
    return _("Consent withdrawn: it counts for every report from now on.")


SECTION_OF = {"meal": "eaten", "weight": "eaten", "extra": "home", "skip": "home", "unskip": "home",
              "message": "messages", "withdraw": "data", "redeem": "goals",
              "read": "read"}
ACTIONS: dict[str, Callable[[Form, int], str]] = {
    "meal": _meal, "weight": _weight, "extra": _extra, "skip": _skip, "unskip": _unskip, "message": _message,
    "withdraw": _withdraw, "redeem": _redeem, "read": _read}


def _load(schema: Schema, payload: dict[str, Any]) -> dict[str, Any]:
    """The API's schema on what the form says; its errors named by the form's fields."""
    try:
        loaded: dict[str, Any] = schema.load(payload)
    except ValidationError as error:
        raise InvalidInput("The form has invalid values.", {
            k.removeprefix("lines.0."): v for k, v in flatten(error.normalized_messages()).items()}) from error
    return loaded
