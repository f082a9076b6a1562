"""The demo simulation's day: the scheduler's jobs at their hours between what people
do, each job through the runner (recorded), and a second simulation skipping the days
already simulated. The people's steps are replaced by recorders here; the full cycle on
the loaded demo is ``python -m tools.demo --simulate-days 14`` (its timing is in the README)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat.db import UnitOfWork
from nutriplat.jobs.models import JobRun
from tools.demo import population as pop
from tools.demo import simulate
from tools.demo.simulate_steps import Day

FIRST = date(2026, 11, 30)  # a Monday; the 1st and 2nd of December follow


@pytest.fixture
def steps(monkeypatch):
    done: list[tuple[date, str]] = []
    for name in ("kitchen", "buy", "screen", "plan", "deliver", "observe"):
        def step(self, name=name):  # type: ignore[no-untyped-def]
            done.append((self.day, name))
            self.counts[name, "done"] += 1
        monkeypatch.setattr(Day, name, step)
    original = simulate.Simulation._job

    def job(self, entry, day):  # type: ignore[no-untyped-def]
        done.append((day, entry.job))
        original(self, entry, day)
    monkeypatch.setattr(simulate.Simulation, "_job", job)
    return done


def test_a_day_runs_the_jobs_at_their_hours_between_the_people(app, steps):
    factory = app.extensions["nutriplat"].session_factory
    population = pop.build_population(reference_date=FIRST)
    counts = simulate.Simulation(factory, population).run(3)
    first_day = [what for day, what in steps if day == FIRST]
    assert first_day == ["early-warning", "ward-orders", "reorder", "rescreening-worklist",  # 01:00 to 06:00
                         "kitchen", "notification-retries", "buy", "screen", "plan", "deliver",  # 07:00 to 11:00
                         "route-plans", "observe"]  # 14:00, then the evening
    december_1 = [what for day, what in steps if day == date(2026, 12, 1)]
    assert december_1.index("invoicing") == december_1.index("reorder") + 1  # 03:00, after the reorder
    assert [day for day, what in steps if what == "indicator-snapshot"] == [date(2026, 12, 2)]
    assert counts["days", "simulated"] == 3 and counts["screen", "done"] == 3
    with UnitOfWork(factory) as uow:
        runs = list(uow.session.scalars(select(JobRun).where(JobRun.trigger == "simulation")))
    assert {(r.job, r.period_key) for r in runs if r.job == "reorder"} == {
        ("reorder", "2026-11-30"), ("reorder", "2026-12-01"), ("reorder", "2026-12-02")}
    assert {(r.job, r.period_key) for r in runs if r.job == "route-plans"} == {
        ("route-plans", "2026-12-01"), ("route-plans", "2026-12-02"), ("route-plans", "2026-12-03")}
    assert {r.outcome for r in runs} == {"succeeded"}


def test_a_second_simulation_skips_the_days_already_simulated(app, steps):
    factory = app.extensions["nutriplat"].session_factory
    population = pop.build_population(reference_date=FIRST)
    simulate.Simulation(factory, population).run(2)
    before = len(steps)
    again = simulate.Simulation(factory, population).run(3)
    assert again["days", "already simulated, skipped"] == 2 and again["days", "simulated"] == 1
    assert {day for day, _ in steps[before:]} == {date(2026, 12, 2)}


def test_the_month_jobs_run_once_the_simulated_calendar_has_finished_the_month(app, steps):
    """The services' "today" is the simulated day, so November is invoiced and reported on
    1 and 2 December even while the real calendar is still in November."""
    factory = app.extensions["nutriplat"].session_factory
    population = pop.build_population(reference_date=date(2026, 12, 1))
    simulate.Simulation(factory, population).run(2)
    with UnitOfWork(factory) as uow:
        month_runs = {(r.job, r.period_key, r.outcome) for r in uow.session.scalars(
            select(JobRun).where(JobRun.job.in_(("invoicing", "indicator-snapshot"))))}
    assert month_runs == {("invoicing", "2026-11", "succeeded"), ("indicator-snapshot", "2026-11", "succeeded")}


def test_a_failing_day_is_recorded_and_completed_by_the_next_simulation(app, steps, monkeypatch):
    factory = app.extensions["nutriplat"].session_factory
    population = pop.build_population(reference_date=FIRST)

    def broken(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("the van broke down")
    recorder = Day.deliver
    monkeypatch.setattr(Day, "deliver", broken)
    with pytest.raises(RuntimeError):
        simulate.Simulation(factory, population).run(1)
    monkeypatch.setattr(Day, "deliver", recorder)
    assert simulate.Simulation(factory, population).run(1)["days", "simulated"] == 1
    with UnitOfWork(factory) as uow:
        days = [(r.attempt, r.outcome, r.error) for r in uow.session.scalars(
            select(JobRun).where(JobRun.job == simulate.DAY_JOB).order_by(JobRun.attempt))]
    assert days == [(1, "failed", "RuntimeError: the van broke down"), (2, "succeeded", None)]
