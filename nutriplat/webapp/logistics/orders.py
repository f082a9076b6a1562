"""The delivery orders of a day (tomorrow unless another is chosen): client, what to
deliver, status and van. Filtered with the API's own query schema."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from nutriplat.delivery import orders as order_services
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.orders import DeliveryOrderQuerySchema
from nutriplat.delivery.vocabulary import ORDER_STATUSES
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.worklists import client_names
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.logistics import common, lookups
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_orders", __name__, url_prefix="/logistics/orders")


@bp.get("")
@login_required(*POLICY.roles("list_orders"))
def day():  # type: ignore[no-untyped-def]
    form = Form({"date": common.tomorrow().isoformat(), **request.args.to_dict()})
    found, query = [], {}
    with form.handling():
        query = form.load(DeliveryOrderQuerySchema(only=("date", "status")))
        found, _ = order_services.list_orders(uow(), actor(), query, 1, None)  # the whole day
    return render_template(
        "logistics/orders.html", form=form, orders=found, day=query.get("date"), sites=common.site_names(),
        statuses=[(status, label("order_status", status)) for status in ORDER_STATUSES],
        names=client_names(uow(), actor(), {o.client_id for o in found}),
        variants=lookups.variant_names(uow(), {line.variant_id for o in found for line in o.lines}),
        counts={s: sum(1 for o in found if o.status == s) for s in ORDER_STATUSES}), form.status
