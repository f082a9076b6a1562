"""Solve a week day by day (a rolling horizon) and judge every day by its items.

Why not one model for the week: the hard targets are per day and only soft goals (no
repeat within three days, the weekly budget) tie days together. A day is small enough
for CP-SAT to solve to optimality in tens of milliseconds, so each day gets its closest
possible fit to the hard targets (feasible whenever any day can be), while the whole
week in one model did not converge within seconds. Each day sees the days already
planned and the items locked on the days after it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from nutriplat.config import deterministic_solves
from nutriplat.mealplans.domain import rules
from nutriplat.mealplans.domain.evaluate import evaluate_day
from nutriplat.mealplans.domain.goals import NO_REPEAT_DAYS
from nutriplat.mealplans.domain.model import DayModel, Weights, candidates
from nutriplat.mealplans.domain.nutrition import cost_cents
from nutriplat.mealplans.domain.values import Item, WeekPlan, WeekProblem

SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass(frozen=True)
class SolveOptions:
    """One search worker by default: the batch planner runs one solve per core."""

    # CP-SAT's deterministic time per day (a demo-catalogue day needs at most ~0.015):
    # the limit that binds first, so a plan does not depend on how busy the machine is.
    effort: float = 0.1
    # Wall clock for the whole week, a safety net; off with deterministic solves
    # (nutriplat.config), where a plan under load must not differ from one on an idle machine.
    time_limit_s: float = 4.0
    workers: int = 1
    seed: int = 0
    # Objective units the search may leave on the table to stop early: less than one
    # avoidable repeat (1000) or dislike, more than the tie-breaking bonuses.
    gap: int = 300


def plan_week(problem: WeekProblem, options: SolveOptions = SolveOptions(),
              weights: Weights = Weights()) -> WeekPlan:
    uses = _fixed_uses(problem)
    spent = sum(cost_cents(problem.by_id[lock.variant_id], lock.portions) for lock in problem.locks)
    count, allowed = len(problem.targets), candidates(problem)
    days, statuses, wall = [], [], 0.0
    for day in range(count):
        model = DayModel(problem, day, uses, allowed, _budget_share(problem, spent, day, count), weights)
        chosen, status, seconds = _solve_day(model.build(), options, count)
        statuses.append(status)
        wall += seconds
        for item in chosen:
            variant = problem.by_id[item.variant_id]
            uses[(day, variant.dish_id)] += rules.varies(variant)
            spent += cost_cents(variant, item.portions)
        days.append(evaluate_day(problem, day, [*model.locks, *chosen]))
    worst = min(statuses, key=lambda s: (s == cp_model.OPTIMAL, s == cp_model.FEASIBLE))
    return WeekPlan(tuple(days), {"status": worst.name, "wall_time_s": round(wall, 3)})


def _solve_day(model: DayModel, options: SolveOptions, days: int) -> tuple[list[Item], Any, float]:
    """The chosen items; a search that found nothing in time gets one ten times longer."""
    wall = 0.0
    for patience in (1, 10):
        solver = _solver(options, days, patience)
        status = solver.solve(model.model)
        wall += solver.wall_time
        if status in SOLVED:
            return [Item(model.day, c.meal, c.variant.id, c.per * value)
                    for c in model.choices if (value := solver.value(c.var))], status, wall
    return [], status, wall


def _solver(options: SolveOptions, days: int, patience: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_deterministic_time = options.effort * patience
    if not deterministic_solves():
        solver.parameters.max_time_in_seconds = options.time_limit_s * patience / max(1, days)
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    solver.parameters.absolute_gap_limit = options.gap
    # Measured on the demo catalogue: a stronger LP relaxation closes the bound on these
    # knapsack-like days much faster, and presolve and probing cost more than they save
    # on a model of a few hundred variables (together: half the time of the defaults).
    solver.parameters.linearization_level = 2
    solver.parameters.cp_model_presolve = False
    solver.parameters.cp_model_probing_level = 0
    return solver


def _fixed_uses(problem: WeekProblem) -> Counter[tuple[int, int]]:
    uses: Counter[tuple[int, int]] = Counter()
    for back, dishes in enumerate(problem.recent_dishes[:NO_REPEAT_DAYS - 1], start=1):
        uses.update((-back, dish) for dish in dishes)
    for lock in problem.locks:
        variant = problem.by_id[lock.variant_id]
        uses[(lock.day, variant.dish_id)] += rules.varies(variant)
    return uses


def _budget_share(problem: WeekProblem, spent: int, day: int, count: int) -> int | None:
    """What is left of the week's budget, spread over the days still to plan, plus what
    this day's locked items cost (they are part of this day's spending)."""
    budget = problem.profile.weekly_budget_eur
    if budget is None:
        return None
    today = sum(cost_cents(problem.by_id[lock.variant_id], lock.portions)
                for lock in problem.locks if lock.day == day)
    return (int(budget * 100) - spent) // (count - day) + today
