"""Stock on hand per warehouse and van, lot by lot, with expiry warnings."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from nutriplat.clock import business_today
from nutriplat.inventory import stock as stock_services
from nutriplat.inventory.policy import POLICY
from nutriplat.web import actor, uow
from nutriplat.webapp.logistics import common
from nutriplat.webapp.logistics.lookups import EXPIRY_WARNING_DAYS, expiry_state
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_stock", __name__, url_prefix="/logistics/stock")


@bp.get("")
@login_required(*POLICY.roles("stock_at"))
def overview():  # type: ignore[no-untyped-def]
    location_id = request.args.get("location", type=int)
    rows, _ = stock_services.stock_at(uow(), actor(), location_id, 1, None)  # 404 for another organisation's
    today, sites = business_today(), common.sites()
    for row in rows:
        row["warning"] = expiry_state(row["expiry_date"], today)
    warnings = {state: sum(1 for r in rows if r["warning"] == state) for state in ("expired", "soon")}
    attention = request.args.get("attention") == "1"  # only the lots with a warning
    if attention:
        rows = [r for r in rows if r["warning"]]
    return render_template("logistics/stock.html", rows=rows, sites=sites, location_id=location_id,
                           attention=attention, names={s.id: s.name for s in sites}, warnings=warnings,
                           warning_days=EXPIRY_WARNING_DAYS, today=today)
