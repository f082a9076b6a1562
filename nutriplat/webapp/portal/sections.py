"""What each section page shows, from its area's use cases only: a phone shows one section
at a time, and a page reads only what it shows (every read is audited)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask_babel import lazy_gettext as _l

from nutriplat.auth.roles import CAREGIVER
from nutriplat.billing import healthcoins
from nutriplat.clients import consents, measurements
from nutriplat.clock import business_today
from nutriplat.content import assigning
from nutriplat.delivery import home_stock
from nutriplat.errors import NotFound
from nutriplat.monitoring import goals
from nutriplat.portal import messages, overview
from nutriplat.web import actor, uow
from nutriplat.webapp.charts import weight_chart

WEIGHT_DAYS = 180  # the trend of the last half year
TITLES = {"today": _l("Today and this week"), "eaten": _l("What I ate"), "home": _l("At home"),
          "goals": _l("Goals and healthcoins"), "messages": _l("Messages"), "data": _l("My data and consents"),
          "read": _l("To read")}


def gather(client_id: int, section: str) -> dict[str, Any]:
    me = actor()
    client, scopes = overview.person(uow(), me, client_id)  # 404 before anything else
    # The caregiver switches between the people they care for on the first page.
    people = overview.people(uow(), me) if me.role == CAREGIVER and section == "today" else []
    return {"client": client, "people": people, "scopes": scopes, "section": section, "titles": TITLES,
            **READERS[section](client_id, scopes)}


def _today(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    week = overview.week(uow(), actor(), client_id)
    return {"week": week, "today_meals": next((d["meals"] for d in week["days"] if d["is_today"]), [])}


def _eaten(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    today = business_today()
    since = today - timedelta(days=WEIGHT_DAYS)
    weights = [w for w in measurements.list_measurements(uow(), actor(), client_id, "weight_kg")
               if w.measured_at.date() >= since]
    return {"eaten": measurements.list_intake(uow(), actor(), client_id, today, today),
            "chart": weight_chart(weights, []), "weights": weights[-5:]}


def _home(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    return {"stock": home_stock.client_stock(uow(), actor(), client_id),
            "deliveries": overview.next_delivery(uow(), actor(), client_id),
            "orderable": overview.orderable(uow(), actor(), client_id) if "order" in scopes else []}


def _goals(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    try:
        coins = healthcoins.ledger(uow(), actor(), client_id)
    except NotFound:
        coins = None
    return {"goals": goals.list_goals(uow(), actor(), client_id), "coins": coins}


def _messages(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    return {"thread": messages.list_messages(uow(), actor(), client_id)}


def _reading(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    """What the dietitian gave to read: to the client (on /app/me), or to the client and this
    caregiver (on /app/care), as the content area lists it."""
    return {"reading": assigning.list_assignments(uow(), actor(), client_id)}


def _data(client_id: int, scopes: tuple[str, ...]) -> dict[str, Any]:
    return {"consents": consents.list_consents(uow(), actor(), client_id),
            "mandates": consents.list_mandates(uow(), actor(), client_id)}


READERS: dict[str, Callable[[int, tuple[str, ...]], dict[str, Any]]] = {
    "today": _today, "eaten": _eaten, "home": _home, "goals": _goals, "messages": _messages, "data": _data,
    "read": _reading}
