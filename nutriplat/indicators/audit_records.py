"""What the second person verifies, per sampled record and in draw order: the client, when,
the value as the source shows it, and who recorded it (who may therefore not verify it)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS
from nutriplat.delivery.models import DeliveryOrder, PlannedStop
from nutriplat.screening.models import Assessment, Screening

Shown = dict[str, Any]


def _weights(session: Session, ids: list[int]) -> dict[int, Shown]:
    return {m.id: {"client_id": m.client_id, "at": m.measured_at, "value": f"{m.value} kg",
                   "recorded_by": m.measured_by}
            for m in session.scalars(select(Measurement).where(Measurement.id.in_(ids)))}


def _screenings(session: Session, ids: list[int]) -> dict[int, Shown]:
    return {f.id: {"client_id": f.client_id, "at": f.performed_at, "value": f"{f.instrument}: {f.risk}",
                   "recorded_by": f.performed_by}
            for f in session.scalars(select(Screening).where(Screening.id.in_(ids)))}


def _glim(session: Session, ids: list[int]) -> dict[int, Shown]:
    return {a.id: {"client_id": a.client_id, "at": a.assessed_at,
                   "value": f"GLIM: {'malnourished' if a.malnourished else 'not malnourished'}"
                            + (f", stage {a.stage}" if a.stage else ""), "recorded_by": a.performed_by}
            for a in session.scalars(select(Assessment).where(Assessment.id.in_(ids)))}


def _intake(session: Session, ids: list[int]) -> dict[int, Shown]:
    return {r.id: {"client_id": r.client_id, "at": datetime.combine(r.date, time(12), BRUSSELS),
                   "value": f"{r.meal_slot}: {r.percent_eaten} % eaten", "recorded_by": r.recorded_by}
            for r in session.scalars(select(IntakeRecord).where(IntakeRecord.id.in_(ids)))}


def _deliveries(session: Session, ids: list[int]) -> dict[int, Shown]:
    orders = list(session.scalars(select(DeliveryOrder).where(DeliveryOrder.id.in_(ids))))
    confirmed_by = _confirmers(session, orders)
    return {o.id: {"client_id": o.client_id, "at": o.confirmed_at or datetime.combine(o.delivery_date, time(),
                                                                                        BRUSSELS),
                   "value": f"{o.delivery_date:%Y-%m-%d}: {o.status}", "recorded_by": confirmed_by.get(o.id)}
            for o in orders}


def _confirmers(session: Session, orders: Iterable[DeliveryOrder]) -> dict[int, int | None]:
    """Who confirmed each order at the door: the route stop carrying it (order ids are a list)."""
    days = [o.delivery_date for o in orders]
    if not days:
        return {}
    since = datetime.combine(min(days), time(), BRUSSELS)
    until = datetime.combine(max(days) + timedelta(days=2), time(), BRUSSELS)
    found: dict[int, int | None] = {}
    for order_ids, user_id in session.execute(select(PlannedStop.order_ids, PlannedStop.confirmed_by).where(
            PlannedStop.confirmed_by.is_not(None), PlannedStop.confirmed_at.between(since, until))):
        found |= dict.fromkeys(order_ids or [], user_id)
    return found


LOADERS: dict[str, Callable[[Session, list[int]], dict[int, Shown]]] = {
    "weight": _weights, "screening": _screenings, "glim": _glim, "intake": _intake, "delivery": _deliveries}


def shown(session: Session, sample: list[dict[str, Any]]) -> list[Shown]:
    loaded = {kind: load(session, [s["id"] for s in sample if s["kind"] == kind]) for kind, load in LOADERS.items()}
    return [{**item, **loaded[item["kind"]][item["id"]]} for item in sample if item["id"] in loaded[item["kind"]]]
