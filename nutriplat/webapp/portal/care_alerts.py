"""The care-team alerts on the caregiver's page /app/care: what they were told of as a
member of a client's care team (``careteam.reading``, as the API's /care-team/alerts),
and acknowledging one for everyone told — the API's acknowledge use case."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import CAREGIVER
from nutriplat.careteam import reading
from nutriplat.web import actor, uow
from nutriplat.webapp.session import login_required

bp = Blueprint("portal_care_alerts", __name__, url_prefix="/care/alerts")
SHOWN = 20  # a phone page: the newest; older ones stay in the notification inbox


def newest() -> tuple[list[dict[str, Any]], int]:
    """The newest alerts the signed-in caregiver was told of, and how many there are."""
    return reading.list_care_alerts(uow(), actor(), {}, 1, SHOWN)


@bp.post("/<int:care_alert_id>/acknowledge")
@login_required(CAREGIVER)
def acknowledge(care_alert_id: int) -> ResponseReturnValue:
    reading.acknowledge(uow(), actor(), care_alert_id)
    flash(_("Acknowledged: everyone told sees that you are on it."), "success")
    return redirect(url_for("webapp.portal.care") + f"#care-alert-{care_alert_id}")
