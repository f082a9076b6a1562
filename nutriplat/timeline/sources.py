"""What each area contributes to the timeline, as plain entries: one read per source
over the period's Brussels days, through the read functions each area offers
(``<area>/reading.py``), never its tables. A source names its ``kind``; ``at`` is when
it happened."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.clients import reading as clients
from nutriplat.clock import BRUSSELS
from nutriplat.coaching import reading as coaching_reading
from nutriplat.content import reading as content_reading
from nutriplat.delivery import reading as delivery
from nutriplat.mealplans import reading as mealplans
from nutriplat.monitoring import reading as monitoring
from nutriplat.screening import reading as screening


@dataclass(frozen=True)
class Entry:
    kind: str
    at: datetime
    summary: str
    ref: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Period:
    client_id: int
    first: date
    last: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=BRUSSELS)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last, time.max, tzinfo=BRUSSELS)


Source = Callable[[Session, Period], Iterator[Entry]]


def screenings(session: Session, p: Period) -> Iterator[Entry]:
    for s in screening.screenings_between(session, p.client_id, p.start, p.end):
        score = "" if s.total_score is None else f", score {s.total_score}"
        yield Entry("screening", s.performed_at, f"{s.instrument}: {s.risk}{score}",
                    {"screening_id": s.id, "instrument": s.instrument, "risk": s.risk,
                     "total_score": s.total_score})
    for a in screening.assessments_between(session, p.client_id, p.start, p.end):
        outcome = f"malnourished, stage {a.stage}" if a.malnourished else "not malnourished"
        yield Entry("assessment", a.assessed_at, f"{a.method}: {outcome}",
                    {"assessment_id": a.id, "malnourished": a.malnourished, "stage": a.stage})


def weights(session: Session, p: Period) -> Iterator[Entry]:
    for m in clients.weights_between(session, p.client_id, p.start, p.end):
        yield Entry("weight", m.measured_at, f"{m.value:g} kg", {"measurement_id": m.id, "weight_kg": m.value})


def intake(session: Session, p: Period) -> Iterator[Entry]:
    """One entry per day (the day's meals summed up), at the end of that day."""
    for day in clients.intake_by_day(session, p.client_id, p.first, p.last):
        fluid_text = "" if day.fluid_ml is None else f", {day.fluid_ml} ml"
        eaten = round(day.mean_percent_eaten)
        yield Entry("intake", datetime.combine(day.date, time(20), tzinfo=BRUSSELS),
                    f"{day.meals} meals, {eaten} % eaten{fluid_text}",
                    {"date": day.date.isoformat(), "meals": day.meals, "mean_percent_eaten": eaten,
                     "fluid_ml": day.fluid_ml})


def alerts(session: Session, p: Period) -> Iterator[Entry]:
    for a in monitoring.alerts_raised_between(session, p.client_id, p.start, p.end):
        yield Entry("alert", a.created_at, f"{a.rule} ({a.severity}): {a.cause}",
                    {"alert_id": a.id, "rule": a.rule, "severity": a.severity, "status": a.status})


def coaching(session: Session, p: Period) -> Iterator[Entry]:
    for s in coaching_reading.sessions_between(session, p.client_id, p.start, p.end):
        at = s.held_at or s.planned_for
        if at is not None:
            note = f" — {s.assessment}" if s.assessment else ""
            yield Entry("coaching_session", at, f"{s.status}: {s.mode}{note}",
                        {"session_id": s.id, "status": s.status, "mode": s.mode, "assessment": s.assessment,
                         "actions": len(s.actions)})


def content(session: Session, p: Period) -> Iterator[Entry]:
    for a, item in content_reading.assigned_between(session, p.client_id, p.start, p.end):
        read = "read" if a.read_at else "not read yet"
        yield Entry("content_assigned", a.assigned_at, f"{item.title} ({read})",
                    {"assignment_id": a.id, "content_item_id": item.id, "rule": a.rule,
                     "title": item.title, "read": a.read_at is not None})


def plan_changes(session: Session, p: Period) -> Iterator[Entry]:
    for event, plan in mealplans.plan_events_between(session, p.client_id, p.start, p.end):
        yield Entry("plan_change", event.at, f"week of {plan.week_start}: {event.action}",
                    {"plan_id": plan.id, "action": event.action, "week_start": plan.week_start.isoformat()})


def deliveries(session: Session, p: Period) -> Iterator[Entry]:
    for o in delivery.confirmed_between(session, p.client_id, p.start, p.end):
        assert o.confirmed_at is not None
        yield Entry("delivery", o.confirmed_at, f"{o.status} ({o.delivery_date})",
                    {"order_id": o.id, "status": o.status, "ward_id": o.ward_id,
                     "delivery_date": o.delivery_date.isoformat()})  # a ward's crate, or home


def tray_refusals(session: Session, p: Period) -> Iterator[Entry]:
    for r, dish in delivery.tray_refusals_between(session, p.client_id, p.start, p.end):
        reason = f": {r.reason}" if r.reason else ""
        yield Entry("tray_refusal", r.recorded_at, f"refused {r.units} × {dish} ({r.delivery_date}){reason}",
                    {"order_id": r.order_id, "variant_id": r.variant_id, "units": r.units, "reason": r.reason,
                     "delivery_date": r.delivery_date.isoformat()})


SOURCES: tuple[Source, ...] = (screenings, weights, intake, alerts, coaching, content, plan_changes, deliveries,
                               tray_refusals)
