"""Benchmark of the weekly planner: ``python -m tools.bench.mealplans``.

Reports the median and p95 time to solve one weekly plan against a catalogue of 300
variants (a seeded sample of the demo catalogue), and the time to plan 1,000 clients on
a pool of worker processes. Clients are drawn like the pilot population: mostly
Parkinson's, many with dysphagia (IDDSI 3-6, thickened drinks), some allergies, dislikes,
small appetites and budgets. Wall-clock and CPU times are both reported, because on a
shared machine the wall clock also measures everyone else."""
from __future__ import annotations

import argparse
import random
import statistics
import time
from decimal import Decimal

from nutriplat.catalogue.vocabulary import COURSE_OF_KIND
from nutriplat.mealplans.domain import Profile, SolveOptions, Targets, Variant, WeekProblem, plan_week
from nutriplat.mealplans.domain.parallel import solve_all
from tools.demo.catalogue import catalogue_bodies
from tools.demo.population import clinical


def catalogue(size: int, seed: int) -> tuple[Variant, ...]:
    variants = []
    for dish_id, body in enumerate(catalogue_bodies(), start=1):
        course = body.get("course") or COURSE_OF_KIND[body["kind"]]
        for v in body["variants"]:
            variants.append(Variant(
                id=len(variants) + 1, dish_id=dish_id, name=v["name"], kind=body["kind"], course=course,
                food_level=v.get("food_level"), drink_level=v.get("drink_level"),
                allergens=frozenset(v["allergens"]), slots=frozenset(v["slots"]), nutrients=v["nutrients"],
                price_eur=Decimal(v["price_eur"]), keywords=tuple(body["keywords"])))
    return tuple(sorted(random.Random(seed).sample(variants, min(size, len(variants))), key=lambda v: v.id))


def client(rng: random.Random) -> tuple[Profile, Targets]:
    dysphagia = rng.random() < 0.4
    food, drink = clinical.iddsi_levels(rng, dysphagia)
    setting = rng.choice(("home", "home", "nursing_home", "hospital"))
    small = setting != "home" and rng.random() < 0.4
    profile = Profile(
        food_level=food, drink_level=drink, allergies=frozenset(clinical.allergies(rng)),
        dislikes=clinical.dislikes(rng), preparation_mode=clinical.preparation_mode(rng, setting, food),
        slots=("breakfast", "snack", "lunch", "snack", "dinner") if small else ("breakfast", "lunch", "snack", "dinner"),
        appetite_factor=0.75 if small else 1.0,
        weekly_budget_eur=Decimal(rng.choice(("150", "180"))) if rng.random() < 0.2 else None)
    weight = rng.uniform(45, 95)
    sex_fluid = rng.choice((1600, 2000))
    return profile, Targets(round(30 * weight, -1), round(rng.choice((1.0, 1.2)) * weight), sex_fluid)


def problems(count: int, variants: tuple[Variant, ...], seed: int) -> list[tuple[int, WeekProblem]]:
    rng = random.Random(f"{seed}/clients")
    out = []
    for key in range(count):
        profile, targets = client(rng)
        out.append((key, WeekProblem(profile, (targets,) * 7, variants)))
    return out


def single_solves(items: list[tuple[int, WeekProblem]], options: SolveOptions) -> None:
    wall, cpu, infeasible = [], [], 0
    for _key, problem in items:
        started, ticks = time.perf_counter(), time.process_time()
        plan = plan_week(problem, options)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - ticks)
        infeasible += not plan.feasible
    print(f"One weekly plan, {len(items)} clients, 300-variant catalogue, one CP-SAT worker:")
    for name, values in (("wall", sorted(wall)), ("cpu", sorted(cpu))):
        p95 = values[max(0, round(0.95 * len(values)) - 1)]
        print(f"  {name:<4}  median {statistics.median(values):.3f} s   p95 {p95:.3f} s   max {values[-1]:.3f} s")
    print(f"  plans with an infeasible day: {infeasible} of {len(items)}")


def batch(items: list[tuple[int, WeekProblem]], variants: tuple[Variant, ...], options: SolveOptions,
          workers: int) -> None:
    started = time.perf_counter()
    done = sum(1 for _ in solve_all(items, variants, options, workers))
    elapsed = time.perf_counter() - started
    print(f"{done} clients planned on {workers} worker processes: {elapsed:.1f} s wall "
          f"({elapsed / max(done, 1) * 1000:.0f} ms per client)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=300)
    parser.add_argument("--solves", type=int, default=100, help="single solves to time")
    parser.add_argument("--clients", type=int, default=1000, help="clients for the batch (0: skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    variants = catalogue(args.variants, args.seed)
    options = SolveOptions()
    print(f"Catalogue: {len(variants)} variants of {len({v.dish_id for v in variants})} dishes.")
    single_solves(problems(args.solves, variants, args.seed), options)
    if args.clients:
        batch(problems(args.clients, variants, args.seed + 1), variants, options, args.workers)


if __name__ == "__main__":
    main()
