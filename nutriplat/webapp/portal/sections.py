"""What the person's page shows, section by section, each from its area's use case."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from nutriplat.auth.roles import CAREGIVER
from nutriplat.billing import healthcoins
from nutriplat.clients import consents, measurements
from nutriplat.clients import services as clients
from nutriplat.clock import business_today
from nutriplat.delivery import home_stock
from nutriplat.errors import NotFound
from nutriplat.monitoring import goals
from nutriplat.portal import messages, overview
from nutriplat.web import actor, uow
from nutriplat.webapp.charts import weight_chart

WEIGHT_DAYS = 180  # the trend of the last half year


def gather(client_id: int) -> dict[str, Any]:
    me, today = actor(), business_today()
    client = clients.get_client(uow(), me, client_id)  # 404 before anything else
    people = overview.people(uow(), me) if me.role == CAREGIVER else []
    scopes = next((p.scopes for p in people if p.client_id == client_id), ()) if people else ("order", "record")
    week = overview.week(uow(), me, client_id)
    since = today - timedelta(days=WEIGHT_DAYS)
    weights = [w for w in measurements.list_measurements(uow(), me, client_id, "weight_kg")
               if w.measured_at.date() >= since]
    in_plan = {m["variant_id"] for d in week["days"] for m in d["meals"]}
    return {
        "client": client, "people": people, "scopes": scopes, "week": week,
        "today_meals": next((d["meals"] for d in week["days"] if d["is_today"]), []),
        "eaten": measurements.list_intake(uow(), me, client_id, today, today),
        "chart": weight_chart(weights, []), "weights": weights[-5:],
        "stock": home_stock.client_stock(uow(), me, client_id),
        "deliveries": overview.next_delivery(uow(), me, client_id),
        "orderable": overview.orderable(uow(), me, client_id, in_plan) if "order" in scopes else [],
        "goals": goals.list_goals(uow(), me, client_id),
        "coins": _coins(client_id),
        "thread": messages.list_messages(uow(), me, client_id),
        "consents": consents.list_consents(uow(), me, client_id),
        "mandates": consents.list_mandates(uow(), me, client_id),
    }


def _coins(client_id: int) -> Any:
    try:
        return healthcoins.ledger(uow(), actor(), client_id)
    except NotFound:
        return None
