"""A stop taken off a solved or published route (its orders cancelled: a client admitted
to hospital, an order cancelled by hand) leaves a gap the van need not drive: the route is
timed again from the stops left, in the order the driver already has — legs, distance,
breaks, loads and planned arrival times change, the order does not. The manifest and the
driver's page read the stored times, so they show the new ones. Each retiming is audited
on the plan (which stop, why, the distance before and after)."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import utcnow
from nutriplat.delivery.domain.day_seconds import readable
from nutriplat.delivery.domain.timing import timed_route
from nutriplat.delivery.models import PlannedStop
from nutriplat.delivery.planning.editing import route_of
from nutriplat.delivery.planning.problem import drop, matrix_of, problem_of, stop_key, store_route, van_names
from nutriplat.delivery.planning.views import RESOURCE
from routing import MatrixError

log = logging.getLogger(__name__)


def drop_from_route(session: Session, actor: Actor, stop: PlannedStop, reason: str) -> None:
    """Drop ``stop`` with ``reason`` and time its route again from the stops left on it."""
    route_id = stop.route_id
    drop(stop, reason)
    if route_id is None:
        return
    plan = stop.plan
    route = route_of(plan, route_id)
    left = sorted((s for s in plan.stops if s.route_id == route.id), key=lambda s: s.sequence or 0)
    distance_before, faults = route.distance_m, list[str]()
    if not left:
        store_route(route, None, {})  # the van has nothing left to drive that day
    else:
        problem = problem_of(plan, [route], left)
        try:
            matrix = matrix_of(problem)
        except MatrixError as error:  # the road table is down: the old times stand, the cancellation too
            faults = [f"not timed again: {error}"]
        else:
            timed, faults = timed_route(problem, matrix, van_names(plan)[route.van_id], [stop_key(s) for s in left])
            store_route(route, timed, {stop_key(s): s for s in left})
    # The plan changed under whoever holds it open: their next edit names a stale version.
    plan.edited_at = utcnow()
    if faults:  # fewer stops never make a route later: only a road table off the triangle rule, or none
        log.warning("route %s of plan %s after dropping stop %s: %s", route.id, plan.id, stop.id, faults)
    audit.record(session, actor, "retime", RESOURCE, plan.id, stop.client_id, detail={
        "route_id": route.id, "dropped_stop_id": stop.id, "reason": reason, "stops_left": len(left),
        "distance_m_before": distance_before, "distance_m_after": route.distance_m,
        "faults": [readable(f) for f in faults]}, organisation_id=plan.organisation_id)
