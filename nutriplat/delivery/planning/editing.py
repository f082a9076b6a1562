"""The dispatcher's edits of a solved plan: lock a route, move a stop (checked by
``routing.check``; infeasible -> 409 with the reasons), publish. Each edit names the
version it was made on; a published plan changes only by stop confirmations."""
from __future__ import annotations


from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.domain.day_seconds import readable
from nutriplat.delivery.domain.timing import timed_route
from nutriplat.delivery.models import PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.planning.problem import matrix_of, problem_of, stop_key, store_route, stored_solution, van_names
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict, NotFound
from routing import check

EDITABLE = ("done",)


def check_editable(plan: RoutePlan, version: int, statuses: tuple[str, ...] = ("done", "failed", "cancelled")) -> None:
    if plan.published_at is not None:
        raise Conflict(f"Plan {plan.id} is published: only stop confirmations change it now.",
                       {"status": ["published"]})
    if plan.status not in statuses:
        raise Conflict(f"Plan {plan.id} is {plan.status}.", {"status": [plan.status]})
    if version != plan.version:
        raise Conflict(f"Plan {plan.id} has changed (version {plan.version}, not {version}); reload it.",
                       {"version": [f"Stale: the plan is at version {plan.version}."]})


def lock_route(uow: UnitOfWork, actor: Actor, plan_id: int, route_id: int, locked: bool, version: int) -> RoutePlan:
    POLICY.check(actor, "lock_route")
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        check_editable(plan, version, EDITABLE)
        route_of(plan, route_id).locked = locked
        return commit_edit(uow, plan)


def move_stop(uow: UnitOfWork, actor: Actor, plan_id: int, stop_id: int, route_id: int, position: int | None,
              version: int) -> RoutePlan:
    """Put a stop (planned or dropped) at ``position`` (default: last) of a route."""
    POLICY.check(actor, "move_stop")
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        check_editable(plan, version, EDITABLE)
        stop, target = stop_of(plan, stop_id), route_of(plan, route_id)
        source = next((r for r in plan.routes if r.id == stop.route_id), None)
        for route in (r for r in (target, source) if r is not None):
            if route.locked:
                raise Conflict(f"Route {route.id} is locked; unlock it first.", {"route_id": ["Locked."]})
        if stop.pinned_van_id is not None and stop.pinned_van_id != target.van_id:
            name = van_names(plan).get(stop.pinned_van_id, stop.pinned_van_id)
            raise Conflict(f"Stop {stop.id} is picked onto {name}: it rides that van.",
                           {"route_id": ["Picked elsewhere."]})
        orders = {r.id: _sequence(plan, r) for r in plan.routes}
        if source is not None:
            orders[source.id].remove(stop)
        at = len(orders[target.id]) if position is None else min(max(position, 0), len(orders[target.id]))
        orders[target.id].insert(at, stop)
        _retime_and_check(plan, {r.id for r in (source, target) if r is not None}, orders)
        return commit_edit(uow, plan)


def _retime_and_check(plan: RoutePlan, changed: set[int], orders: dict[int, list[PlannedStop]]) -> None:
    problem = problem_of(plan, plan.routes, plan.stops)
    matrix = matrix_of(problem)
    names, by_key = van_names(plan), {stop_key(s): s for s in plan.stops}
    solution, timed = stored_solution(plan), {}
    for route in (r for r in plan.routes if r.id in changed):
        vehicle = names[route.van_id]
        timed[route.id], _ = timed_route(problem, matrix, vehicle, [stop_key(s) for s in orders[route.id]])
        solution.routes = [r for r in solution.routes if r.vehicle_id != vehicle]
        if timed[route.id].visits:
            solution.routes.append(timed[route.id])
    moved = {v.stop_id for r in timed.values() for v in r.visits}
    solution.dropped = [d for d in solution.dropped if d.stop_id not in moved]
    faults = check(problem, matrix, solution)
    if faults:
        raise Conflict("The move makes the plan infeasible.", {"route_id": [readable(f) for f in faults]})
    for route in (r for r in plan.routes if r.id in changed):
        for stop in orders[route.id]:
            stop.route_id = route.id
        store_route(route, timed[route.id], by_key)


def _sequence(plan: RoutePlan, route: PlannedRoute) -> list[PlannedStop]:
    return sorted((s for s in plan.stops if s.route_id == route.id), key=lambda s: s.sequence or 0)


def route_of(plan: RoutePlan, route_id: int) -> PlannedRoute:
    route = next((r for r in plan.routes if r.id == route_id), None)
    if route is None:
        raise NotFound(f"No route {route_id} in plan {plan.id}.")
    return route


def stop_of(plan: RoutePlan, stop_id: int) -> PlannedStop:
    stop = next((s for s in plan.stops if s.id == stop_id), None)
    if stop is None:
        raise NotFound(f"No stop {stop_id} in plan {plan.id}.")
    return stop


def commit_edit(uow: UnitOfWork, plan: RoutePlan) -> RoutePlan:
    """Touching the plan row bumps its version, with the old one in the WHERE clause:
    two edits of one version cannot both win."""
    plan.edited_at = utcnow()
    uow.commit("The plan was changed at the same moment; reload it and retry.")
    return plan

