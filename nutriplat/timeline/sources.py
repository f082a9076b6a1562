"""What each area contributes to the timeline, as plain entries: one query per source
over the period's Brussels days ``[start, end)`` (UTC bounds), read from the area's own
tables. A source names its ``kind``; ``at`` is when it happened."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from nutriplat.clients.models import IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS
from nutriplat.coaching.models import CoachingSession
from nutriplat.content.models import ContentAssignment, ContentItem
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.mealplans.models import MealPlan, MealPlanEvent
from nutriplat.monitoring.models import Alert
from nutriplat.screening.models import Assessment, Screening


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
    for s in session.scalars(select(Screening).where(
            Screening.client_id == p.client_id, Screening.performed_at.between(p.start, p.end))):
        score = "" if s.total_score is None else f", score {s.total_score}"
        yield Entry("screening", s.performed_at, f"{s.instrument}: {s.risk}{score}",
                    {"screening_id": s.id, "instrument": s.instrument, "risk": s.risk})
    for a in session.scalars(select(Assessment).where(
            Assessment.client_id == p.client_id, Assessment.assessed_at.between(p.start, p.end))):
        outcome = f"malnourished, stage {a.stage}" if a.malnourished else "not malnourished"
        yield Entry("assessment", a.assessed_at, f"{a.method}: {outcome}",
                    {"assessment_id": a.id, "malnourished": a.malnourished})


def weights(session: Session, p: Period) -> Iterator[Entry]:
    for m in session.scalars(select(Measurement).where(
            Measurement.client_id == p.client_id, Measurement.type == "weight_kg",
            Measurement.measured_at.between(p.start, p.end))):
        yield Entry("weight", m.measured_at, f"{m.value:g} kg", {"measurement_id": m.id, "weight_kg": m.value})


def intake(session: Session, p: Period) -> Iterator[Entry]:
    """One entry per day (the day's meals summed up), at the end of that day."""
    rows = session.execute(select(
        IntakeRecord.date, func.count(), func.avg(IntakeRecord.percent_eaten), func.sum(IntakeRecord.fluid_ml),
    ).where(IntakeRecord.client_id == p.client_id, IntakeRecord.date.between(p.first, p.last))
        .group_by(IntakeRecord.date))
    for day, meals, eaten, fluid in rows:
        fluid_text = "" if fluid is None else f", {int(fluid)} ml"
        yield Entry("intake", datetime.combine(day, time(20), tzinfo=BRUSSELS),
                    f"{meals} meals, {round(float(eaten))} % eaten{fluid_text}",
                    {"date": day.isoformat(), "meals": meals, "mean_percent_eaten": round(float(eaten)),
                     "fluid_ml": None if fluid is None else int(fluid)})


def alerts(session: Session, p: Period) -> Iterator[Entry]:
    for a in session.scalars(select(Alert).where(
            Alert.client_id == p.client_id, Alert.created_at.between(p.start, p.end))):
        yield Entry("alert", a.created_at, f"{a.rule} ({a.severity}): {a.cause}",
                    {"alert_id": a.id, "rule": a.rule, "status": a.status})


def coaching(session: Session, p: Period) -> Iterator[Entry]:
    for s in session.scalars(select(CoachingSession).where(
            CoachingSession.client_id == p.client_id,
            or_(CoachingSession.held_at.between(p.start, p.end),
                and_(CoachingSession.held_at.is_(None), CoachingSession.planned_for.between(p.start, p.end))))):
        at = s.held_at or s.planned_for
        if at is not None:
            note = f" — {s.assessment}" if s.assessment else ""
            yield Entry("coaching_session", at, f"{s.status}: {s.mode}{note}",
                        {"session_id": s.id, "status": s.status, "actions": len(s.actions)})


def content(session: Session, p: Period) -> Iterator[Entry]:
    for a, item in session.execute(select(ContentAssignment, ContentItem).join(
            ContentItem, ContentItem.id == ContentAssignment.content_item_id).where(
            ContentAssignment.client_id == p.client_id, ContentAssignment.assigned_at.between(p.start, p.end))):
        read = "read" if a.read_at else "not read yet"
        yield Entry("content_assigned", a.assigned_at, f"{item.title} ({read})",
                    {"assignment_id": a.id, "content_item_id": item.id, "rule": a.rule})


def plan_changes(session: Session, p: Period) -> Iterator[Entry]:
    for event, plan in session.execute(select(MealPlanEvent, MealPlan).join(
            MealPlan, MealPlan.id == MealPlanEvent.plan_id).where(
            MealPlan.client_id == p.client_id, MealPlanEvent.at.between(p.start, p.end))):
        yield Entry("plan_change", event.at, f"week of {plan.week_start}: {event.action}",
                    {"plan_id": plan.id, "action": event.action})


def deliveries(session: Session, p: Period) -> Iterator[Entry]:
    for o in session.scalars(select(DeliveryOrder).where(
            DeliveryOrder.client_id == p.client_id, DeliveryOrder.confirmed_at.between(p.start, p.end))):
        assert o.confirmed_at is not None
        yield Entry("delivery", o.confirmed_at, f"{o.status} ({o.delivery_date})",
                    {"order_id": o.id, "status": o.status})


SOURCES: tuple[Source, ...] = (screenings, weights, intake, alerts, coaching, content, plan_changes, deliveries)
