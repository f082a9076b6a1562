"""Plan a week for every active client: read the inputs, solve on a process pool of pure
problems, then write every plan in one transaction. Idempotent per week: clients who
already have a draft or approved plan for it are left alone."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput
from nutriplat.mealplans import inputs, store
from nutriplat.mealplans.domain import SolveOptions, WeekProblem
from nutriplat.mealplans.domain.parallel import solve_all
from nutriplat.mealplans.models import MealPlan
from nutriplat.mealplans.policy import POLICY


@dataclass
class BatchReport:
    week_start: date
    plan_ids: dict[int, int] = field(default_factory=dict)  # client id → new plan id
    infeasible: list[int] = field(default_factory=list)  # clients with an infeasible day
    skipped: int = 0  # already planned
    failed: dict[int, str] = field(default_factory=dict)  # client id → why not

    def summary(self) -> str:
        return (f"Week of {self.week_start}: {len(self.plan_ids)} plans made "
                f"({len(self.infeasible)} with infeasible days), {self.skipped} already planned, "
                f"{len(self.failed)} could not be planned.")


def to_plan(session: Session, week_start: date) -> list[Client]:
    planned = select(MealPlan.client_id).where(MealPlan.week_start == week_start,
                                               MealPlan.status.in_(("draft", "approved")))
    return list(session.scalars(select(Client).where(Client.status == "active", Client.id.not_in(planned))
                                .order_by(Client.id)))


def plan_all(session_factory: sessionmaker[Session], actor: Actor, week_start: date, workers: int = 2,
             options: SolveOptions = SolveOptions(),
             start: Callable[[int], Callable[[int], None]] = lambda _total: lambda _n: None) -> BatchReport:
    """``start(total)`` is called once the work is known and returns a progress callback."""
    POLICY.check(actor, "plan_all")
    report = BatchReport(week_start)
    with UnitOfWork(session_factory) as uow:
        report.skipped = len(set(uow.session.scalars(select(MealPlan.client_id).where(
            MealPlan.week_start == week_start, MealPlan.status.in_(("draft", "approved"))))))
        catalogue = inputs.current_catalogue(uow.session)
        problems: dict[int, WeekProblem] = {}
        organisations: dict[int, int] = {}
        for client in to_plan(uow.session, week_start):
            try:
                problems[client.id] = inputs.problem_for(uow.session, client, week_start, catalogue=catalogue)
                organisations[client.id] = client.organisation_id
            except InvalidInput as error:
                report.failed[client.id] = " ".join(r for rs in error.errors.values() for r in rs)
    # Solve everything before writing: a SQLite write lock is not held through the solving.
    solved = list(solve_all(problems.items(), catalogue, options, workers, start(len(problems))))
    with UnitOfWork(session_factory) as uow:
        for client_id, week in solved:
            plan = store.save_new(uow.session, actor, client_id, week_start, problems[client_id], week)
            audit.record(uow.session, actor, "create", "meal_plan", plan.id, client_id,
                         detail={"source": "batch"}, organisation_id=organisations[client_id])
            report.plan_ids[client_id] = plan.id
            if not week.feasible:
                report.infeasible.append(client_id)
        uow.commit()
    return report
