"""Personal goals: set with the client, progress reported or read from the record, and
healthcoins through the billing ledger once a goal is met (exactly once per goal)."""
from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.billing import healthcoins
from nutriplat.clients.access import load_client
from nutriplat.clients.models import IntakeRecord, Measurement
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, DomainError, ErrorCollector, NotFound
from nutriplat.monitoring import goal_rules
from nutriplat.monitoring.models import Goal, GoalProgress
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.rule_inputs import midnight

RESOURCE = "goal"
log = logging.getLogger(__name__)
MAX_DAYS = 366


def set_goal(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Goal:
    POLICY.check(actor, "set_goal")
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        errors = ErrorCollector()
        for field, reason in goal_rules.criterion_errors(
                data["domain"], data["metric"], data["direction"], data["target"]).items():
            errors.add(field, reason)
        if data["ends_on"] < data["starts_on"]:
            errors.add("ends_on", "Must not be before starts_on.")
        elif (data["ends_on"] - data["starts_on"]).days >= MAX_DAYS:
            errors.add("ends_on", f"A goal runs at most {MAX_DAYS} days.")
        errors.raise_if_any()
        goal = Goal(organisation_id=client.organisation_id, client_id=client.id, set_by=actor.user_id,
                    progress=[], **data)
        uow.session.add(goal)
        return _done(uow, actor, goal, "create")


def list_goals(uow: UnitOfWork, actor: Actor, client_id: int) -> list[Goal]:
    POLICY.check(actor, "list_goals")
    with uow:
        client = load_client(uow.session, actor, client_id)
        goals = list(uow.session.scalars(select(Goal).where(Goal.client_id == client.id)
                                         .order_by(Goal.starts_on.desc(), Goal.id.desc())))
        for goal in goals:
            _attach_progress(uow.session, goal, business_today())
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return goals


def report_progress(uow: UnitOfWork, actor: Actor, client_id: int, goal_id: int,
                    data: dict[str, Any]) -> Goal:
    POLICY.check(actor, "report_progress")
    with uow:
        goal = _goal(uow.session, actor, client_id, goal_id, scope="record")
        errors = ErrorCollector()
        if not goal_rules.METRICS[goal.metric].reported:
            errors.add("value", f"Progress on '{goal.metric}' is read from the record, not reported.")
        if not goal.starts_on <= data["recorded_on"] <= goal.ends_on:
            errors.add("recorded_on", f"Must fall in the goal's period {goal.starts_on} to {goal.ends_on}.")
        errors.raise_if_any()
        goal.progress.append(GoalProgress(recorded_by=actor.user_id, **data))
        uow.session.flush()
        judge(uow.session, goal, business_today())
        met = goal.status == "met"
        goal = _done(uow, actor, goal, "progress")
    if met:
        award(uow, goal)
    return goal


def cancel(uow: UnitOfWork, actor: Actor, client_id: int, goal_id: int) -> Goal:
    POLICY.check(actor, "cancel_goal")
    with uow:
        goal = _goal(uow.session, actor, client_id, goal_id, scope="record")
        goal.status, goal.closed_on = "cancelled", business_today()
        return _done(uow, actor, goal, "cancel")


def award(uow: UnitOfWork, goal: Goal) -> bool:
    """Healthcoins for a met goal; billing's ledger makes a second award a no-op. The goal
    is met whatever happens here: an award that fails is retried by the nightly job."""
    if goal.coins <= 0:
        return False
    try:
        healthcoins.award_goal_met(uow, goal.client_id, str(goal.id), goal.coins,
                                   f"Goal met: {goal.description}"[:300])
    except DomainError as error:
        log.warning("healthcoins for goal %s not awarded yet: %s", goal.id, error.message)
        return False
    return True


def judge(session: Session, goal: Goal, day: date) -> None:
    """Bring an active goal up to date on ``day``: met, missed once its period is over, or
    still going. The period's last day is judged the day after, with its data complete."""
    if goal.status != "active" or day < goal.starts_on:
        return
    result = _attach_progress(session, goal, day)
    goal.progress_value = result.value
    if result.met:
        goal.status, goal.met_on = "met", min(day, goal.ends_on)
    elif day > goal.ends_on:
        goal.status, goal.closed_on = "not_met", day


def _attach_progress(session: Session, goal: Goal, day: date) -> goal_rules.Progress:
    until = min(day, goal.ends_on)
    value = observed(session, goal, until) if until >= goal.starts_on else None
    result = goal_rules.progress(goal.metric, goal.direction, goal.target, value, day > goal.ends_on)
    goal.current = result  # type: ignore[attr-defined]  # shown by the schema, not stored
    return result


def observed(session: Session, goal: Goal, until: date) -> float | None:
    """What the record shows for the goal's metric from its start up to ``until``."""
    start, end = goal.starts_on, until
    if goal.metric == "sessions":
        return float(sum(p.value for p in goal.progress if start <= p.recorded_on <= end))
    if goal.metric == "weight_kg":
        return session.scalar(select(Measurement.value).where(
            Measurement.client_id == goal.client_id, Measurement.type == "weight_kg",
            Measurement.measured_at >= midnight(start),
            Measurement.measured_at < midnight(end + timedelta(days=1)))
            .order_by(Measurement.measured_at.desc(), Measurement.id.desc()).limit(1))
    in_period = (IntakeRecord.client_id == goal.client_id, IntakeRecord.date.between(start, end))
    if goal.metric == "mean_percent_eaten":
        mean = session.scalar(select(func.avg(IntakeRecord.percent_eaten)).where(*in_period))
        return None if mean is None else float(mean)
    daily = select(func.sum(IntakeRecord.fluid_ml).label("ml")).where(
        *in_period, IntakeRecord.fluid_ml.is_not(None)).group_by(IntakeRecord.date).subquery()
    mean = session.scalar(select(func.avg(daily.c.ml)))
    return None if mean is None else float(mean)


def _goal(session: Session, actor: Actor, client_id: int, goal_id: int, scope: str) -> Goal:
    client = load_client(session, actor, client_id, scope=scope)
    goal = session.get(Goal, goal_id)
    if goal is None or goal.client_id != client.id:
        raise NotFound(f"No goal {goal_id} for client {client_id}.")
    if goal.status != "active":
        raise Conflict(f"The goal is {goal.status}.", {"status": ["Only an active goal changes."]})
    return goal


def _done(uow: UnitOfWork, actor: Actor, goal: Goal, action: str) -> Goal:
    uow.session.flush()
    if not hasattr(goal, "current"):
        _attach_progress(uow.session, goal, business_today())
    audit.record(uow.session, actor, action, RESOURCE, goal.id, goal.client_id,
                 organisation_id=goal.organisation_id)
    uow.commit()
    return goal
