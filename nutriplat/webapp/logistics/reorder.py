"""Reorder: the purchase-order proposals of the nightly run (change quantities,
approve, cancel), the open purchase orders, and the min/max rules behind them."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.purchasing import orders, rules
from nutriplat.inventory.schemas.purchasing import ProposalChangeSchema
from nutriplat.inventory.vocabulary import INCOMING_PO_STATUSES
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form, as_number
from nutriplat.webapp.logistics import common, lookups
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_reorder", __name__, url_prefix="/logistics/reorder")


@bp.get("")
@login_required(*POLICY.roles("list_purchase_orders"))
def overview() -> ResponseReturnValue:
    every, _ = orders.list_orders(uow(), actor(), {}, 1, 200)  # the newest 200, as the page always showed
    rule_rows = rules.list_rules(uow(), actor(), {})
    return render_template(
        "logistics/reorder.html", rules=rule_rows, sites=common.site_names(),
        proposals=[o for o in every if o.status == "proposed"],
        open_orders=[o for o in every if o.status in INCOMING_PO_STATUSES],
        dishes=lookups.dish_names(uow(), {r.dish_id for r in rule_rows}),
        suppliers=lookups.organisation_names(uow(), {o.supplier_id for o in every}
                                             | {r.supplier_id for r in rule_rows}))


@bp.route("/<int:order_id>", methods=["GET", "POST"])
@login_required(*POLICY.roles("change_proposal"))
def proposal(order_id: int) -> ResponseReturnValue:
    """One purchase order; a proposal's quantities (and expected date) can change."""
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            data = form.load(ProposalChangeSchema(), extra={"lines": _lines(form)})
            orders.change_proposal(uow(), actor(), order_id, data)
            flash(_("The proposal is changed."), "success")
            return redirect(url_for(".proposal", order_id=order_id))
    return _proposal_page(order_id, form)


@bp.post("/<int:order_id>/<any(approve, cancel):action>")
@login_required(*POLICY.roles("transition"))
def transition(order_id: int, action: str) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        orders.transition(uow(), actor(), order_id, action)
        flash(_("Purchase order %(id)d is approved.", id=order_id) if action == "approve"
              else _("Purchase order %(id)d is cancelled.", id=order_id), "success")
        return redirect(url_for(".overview"))
    return _proposal_page(order_id, form)


def _lines(form: Form) -> list[dict[str, object]]:
    """The proposal's lines as the API takes them: ``lines.N.line_id`` (hidden) and
    ``lines.N.quantity`` (typed), in order."""
    lines, n = [], 0
    while f"lines.{n}.line_id" in form.values:
        lines.append({key: as_number(form.value(f"lines.{n}.{key}").strip())
                      for key in ("line_id", "quantity")})
        n += 1
    return lines


def _proposal_page(order_id: int, form: Form) -> ResponseReturnValue:
    order = orders.get_order(uow(), actor(), order_id)  # 404 for another organisation's
    return render_template(
        "logistics/proposal.html", order=order, form=form, sites=common.site_names(),
        variants=lookups.variant_names(uow(), {line.variant_id for line in order.lines}),
        supplier=lookups.organisation_names(uow(), [order.supplier_id]).get(order.supplier_id)), form.status
