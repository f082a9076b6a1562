"""PyVRP and VROOM on the same integer matrix, for the side-by-side figures.

Both are optional (the ``bench`` extra) and imported only when asked for. Each
returns customer numbers per route; the runner re-checks and re-costs them.
"""
from __future__ import annotations

from datetime import timedelta

import numpy as np

from tools.bench.routing.instances import Instance


class MissingSolver(RuntimeError):
    """PyVRP or VROOM is not installed (the `bench` extra)."""


def _require(module: str, package: str):
    try:
        return __import__(module)
    except ImportError as exc:
        raise MissingSolver(f"{package} is not installed: pip install '{package}' (or the 'bench' extra)") from exc


def _columns(instance: Instance):
    """Depot then customers: demand, service, window start and end, as integers."""
    stops = instance.problem.stops
    demand = [int(s.demand_kg) for s in stops]
    service = [s.service_time for s in stops]
    windows = [(s.windows()[0].start, s.windows()[0].end) for s in stops]
    return demand, service, windows


def solve_pyvrp(instance: Instance, seconds: float) -> list[list[int]]:
    pyvrp = _require("pyvrp", "pyvrp")
    from pyvrp.stop import MaxRuntime

    problem, matrix = instance.problem, np.asarray(instance.matrix.distance)
    demand, service, windows = _columns(instance)
    vehicle = problem.vehicles[0]
    places = [problem.depot, *problem.stops]
    data = pyvrp.ProblemData(
        [pyvrp.Location(p.x, p.y) for p in places],
        [pyvrp.Client(k + 1, delivery=[demand[k]], service_duration=service[k], tw_early=windows[k][0],
                      tw_late=windows[k][1]) for k in range(len(problem.stops))],
        [pyvrp.Depot(0, tw_early=vehicle.shift_start, tw_late=vehicle.shift_end)],
        [pyvrp.VehicleType(len(problem.vehicles), capacity=[int(vehicle.capacity_kg)],
                           tw_early=vehicle.shift_start, tw_late=vehicle.shift_end)],
        [matrix], [np.asarray(instance.matrix.duration)],
    )
    best = pyvrp.solve(data, stop=MaxRuntime(seconds), display=False).best
    return [[int(problem.stops[a.idx].id) for a in route if a.is_client()] for route in best.routes()]


def solve_vroom(instance: Instance, seconds: float) -> list[list[int]]:
    vroom = _require("vroom", "pyvroom")
    problem = instance.problem
    demand, service, windows = _columns(instance)
    shift = vroom.TimeWindow(problem.vehicles[0].shift_start, problem.vehicles[0].shift_end)
    task = vroom.Input()
    task.set_durations_matrix("car", np.asarray(instance.matrix.duration))
    task.add_vehicle([vroom.Vehicle(k, start=0, end=0, capacity=[int(v.capacity_kg)], time_window=shift)
                      for k, v in enumerate(problem.vehicles)])
    task.add_job([vroom.Job(k, location=k + 1, delivery=[demand[k]], default_service=service[k],
                            time_windows=[vroom.TimeWindow(*windows[k])]) for k in range(len(problem.stops))])
    routes = task.solve(exploration_level=5, nb_threads=1, timeout=timedelta(seconds=seconds)).routes
    jobs = routes[routes["type"] == "job"]
    return [[int(problem.stops[int(j)].id) for j in group["id"]] for _, group in jobs.groupby("vehicle_id", sort=True)]


SOLVERS = {"pyvrp": solve_pyvrp, "vroom": solve_vroom}
