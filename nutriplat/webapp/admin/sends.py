"""External sends: the e-mails and text messages behind the in-app notifications, by status,
with the provider's reason once one failed for good — so the admin can fix an address or reach
the person another way (``notifications.deliveries.list_deliveries``, as
``GET /api/v1/notifications/deliveries``)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.notifications import deliveries
from nutriplat.notifications.policy import POLICY
from nutriplat.notifications.schemas import DELIVERY_STATUSES, DeliveryQuerySchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_sends", __name__, url_prefix="/admin/sends")
PAGE_SIZE = 50


@bp.get("/")
@login_required(*POLICY.roles("list_deliveries"))
def index() -> ResponseReturnValue:
    form = Form({k: v for k, v in request.args.items() if k != "page"})
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    sends: list[dict[str, Any]] = []
    total = 0
    with form.handling():
        sends, total = deliveries.list_deliveries(uow(), actor(), form.load(DeliveryQuerySchema()), page, PAGE_SIZE)
    return render_template("admin/sends.html", form=form, sends=sends, total=total, page=page,
                           pages=max(1, -(-total // PAGE_SIZE)),
                           statuses=[(s, label("delivery_status", s)) for s in DELIVERY_STATUSES]), form.status
