"""Reads routes, ETAs, breaks and dropped stops out of an OR-Tools assignment."""
from __future__ import annotations

from typing import Any

from routing.diagnose import drop_reason
from routing.matrix.base import Matrix
from routing.solution import BreakSlot, DroppedStop, Route, Solution, build_route
from routing.solver.context import Built


def node_routes(built: Built, assignment: Any) -> list[list[int]]:  # an OR-Tools Assignment
    """Per vehicle, the visited nodes in order (depot left out)."""
    routing, routes = built.routing, []
    for v in range(len(built.problem.vehicles)):
        index, nodes = assignment.Value(routing.NextVar(routing.Start(v))), []
        while not routing.IsEnd(index):
            nodes.append(built.manager.IndexToNode(index))
            index = assignment.Value(routing.NextVar(index))
        routes.append(nodes)
    return routes


def solution_from(built: Built, matrix: Matrix, assignment: Any, status: str, found: int, seconds: float) -> Solution:
    routing, time = built.routing, built.time_dimension
    routes: list[Route] = []
    for v, nodes in enumerate(node_routes(built, assignment)):
        if not nodes:
            continue
        etas = [assignment.Min(time.CumulVar(built.index_of(n))) for n in nodes]
        breaks = [BreakSlot(assignment.StartValue(b), assignment.DurationValue(b))
                  for b in built.breaks.get(v, []) if assignment.PerformedValue(b)]
        routes.append(build_route(
            built.problem, matrix, built.problem.vehicles[v].id, [built.stops[n - 1].id for n in nodes],
            etas=etas, start=assignment.Value(time.CumulVar(routing.Start(v))),
            end=assignment.Value(time.CumulVar(routing.End(v))), breaks=sorted(breaks, key=lambda b: b.start),
        ))
    served = {s for r in routes for s in r.stop_ids()}
    dropped = [DroppedStop(s.id, drop_reason(built.problem, matrix, s)) for s in built.stops if s.id not in served]
    return Solution(routes, dropped, int(assignment.ObjectiveValue()), status, found, round(seconds, 3))


def unsolved(built: Built, matrix: Matrix, status: str, seconds: float) -> Solution:
    """No assignment at all (e.g. contradictory pins): every open stop is dropped."""
    dropped = [DroppedStop(s.id, f"no plan found ({status}): " + drop_reason(built.problem, matrix, s))
               for s in built.stops]
    return Solution([], dropped, None, status, 0, round(seconds, 3))
