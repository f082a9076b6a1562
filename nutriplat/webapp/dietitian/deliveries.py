"""The client's deliveries for the dietitian, newest first, a page at a time: each day's
outcome, what came, what was refused at the door and why, and the proof of delivery (when,
who took it or where it was left, the handover temperatures with the too-warm ones
flagged, the photo). The same use case as ``GET /api/v1/clients/{id}/deliveries``, which
checks the client and audits the read."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import services as clients
from nutriplat.delivery.deliveries import client_deliveries
from nutriplat.delivery.domain.proof import CHILLED_MAX_C, FROZEN_MAX_C
from nutriplat.web import actor
from nutriplat.webapp.reads import OnePageReads
from nutriplat.webapp.session import login_required

bp = Blueprint("client_deliveries", __name__, url_prefix="/dietitian/clients/<int:client_id>/deliveries")
PAGE_SIZE = 10  # a fortnight of deliveries on a phone's screen or two


@bp.get("")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the client and audits
def index(client_id: int) -> ResponseReturnValue:
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    with OnePageReads(current_app.extensions["nutriplat"].session_factory) as reads:
        client = clients.get_client(reads, actor(), client_id)  # 404/403 before anything else
        deliveries, total = client_deliveries(reads, actor(), client_id, page, PAGE_SIZE)
    return render_template("dietitian/deliveries.html", client=client, deliveries=deliveries, total=total,
                           page=page, pages=max(1, -(-total // PAGE_SIZE)),
                           limits={"chilled": CHILLED_MAX_C, "frozen": FROZEN_MAX_C})
