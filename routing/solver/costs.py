"""The objective: distance, last-driver preference, fixed van cost, balance, drops."""
from __future__ import annotations

import numpy as np

from routing.solver.context import Built


def add_arc_costs(built: Built) -> None:
    """Distance per arc; vans that are not a stop's preferred van pay a penalty on
    the arc into that stop. Vans with the same set of penalised stops share one
    registered matrix, so an unpreferring fleet costs a single callback."""
    routing, vehicles = built.routing, built.problem.vehicles
    penalty = built.options.preference_penalty
    registered: dict[bytes, int] = {}
    for v, vehicle in enumerate(vehicles):
        mask = np.array([False] + [not s.prefers(vehicle) for s in built.stops])
        if penalty <= 0:
            mask[:] = False
        key = mask.tobytes()
        if key not in registered:
            cost = built.distance + np.where(mask, penalty, 0)[None, :]
            registered[key] = routing.RegisterTransitMatrix(cost.tolist())
        routing.SetArcCostEvaluatorOfVehicle(registered[key], v)


def add_fixed_costs(built: Built) -> None:
    """A van that leaves the depot costs its fixed cost: fewer vans when it pays."""
    for v, vehicle in enumerate(built.problem.vehicles):
        if vehicle.fixed_cost:
            built.routing.SetFixedCostOfVehicle(int(vehicle.fixed_cost), v)


def add_balance(built: Built) -> None:
    """Soft global span: each second the longest route lasts costs this much."""
    if built.options.balance_per_second and built.time is not None:
        built.time.SetGlobalSpanCostCoefficient(int(built.options.balance_per_second))


def drop_penalty(built: Built) -> int:
    """Higher than serving any one stop can cost, so a stop is dropped only when
    it cannot be fitted, never because it is merely expensive."""
    if built.options.drop_penalty is not None:
        return int(built.options.drop_penalty)
    detour = 2 * int(built.distance.max(initial=0))
    fixed = max((v.fixed_cost for v in built.problem.vehicles), default=0)
    balance = built.options.balance_per_second * built.horizon
    return 10 * (detour + fixed + built.options.preference_penalty + balance) + 1


def add_pins_and_drops(built: Built) -> None:
    """Every stop may be dropped at its penalty; a pinned stop may ride only its van."""
    vehicle_no = {v.id: k for k, v in enumerate(built.problem.vehicles)}
    default = drop_penalty(built)
    for node, stop in enumerate(built.stops, start=1):
        index = built.index_of(node)
        penalty = stop.drop_penalty if stop.drop_penalty is not None else default
        built.routing.AddDisjunction([index], int(penalty))
        if stop.pinned_vehicle is not None:
            built.routing.VehicleVar(index).SetValues([-1, vehicle_no[stop.pinned_vehicle]])
