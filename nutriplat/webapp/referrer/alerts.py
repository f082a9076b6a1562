"""The care-team alerts the signed-in person was told of (a GP, a home nurse, a caregiver,
logistics), and acknowledging one for everyone told (``careteam.reading``)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.careteam import reading
from nutriplat.careteam.policy import POLICY
from nutriplat.web import actor, uow
from nutriplat.webapp.session import login_required

bp = Blueprint("care_team_alerts", __name__, url_prefix="/care-team/alerts")
SHOWN = 100


@bp.get("/")
@login_required(*POLICY.roles("list_care_alerts"))
def index() -> ResponseReturnValue:
    found, total = reading.list_care_alerts(uow(), actor(), {}, 1, SHOWN)
    return render_template("referrer/alerts.html", alerts=found, total=total)


@bp.post("/<int:care_alert_id>/acknowledge")
@login_required(*POLICY.roles("acknowledge_care_alert"))
def acknowledge(care_alert_id: int) -> ResponseReturnValue:
    reading.acknowledge(uow(), actor(), care_alert_id)
    flash(_("Acknowledged: everyone told sees that you are on it."), "success")
    return redirect(url_for(".index") + f"#care-alert-{care_alert_id}")
