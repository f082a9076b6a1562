"""Starting a solve run: the checks that answer at once (404, 409, 422), then the plan
row, its routes (one per van) and stops, queued. ``solve.solve_plan`` does the rest."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import Depot, PlannedRoute, RoutePlan
from nutriplat.delivery.planning.day import day_stops
from nutriplat.delivery.planning.editing import check_editable
from nutriplat.delivery.planning.fleet import fleet_of
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.vocabulary import MAX_TIME_LIMIT_S, STALE_AFTER_S
from nutriplat.errors import Conflict, ErrorCollector, InvalidInput


def day_key(depot_id: int, day: date) -> str:
    return f"{depot_id}:{day.isoformat()}"


def check_time_limit(time_limit_s: float) -> None:
    if not 0 < time_limit_s <= MAX_TIME_LIMIT_S:
        raise InvalidInput("The time limit is out of range.", {
            "time_limit_s": [f"Must be more than 0 and at most {MAX_TIME_LIMIT_S:g} seconds."]})


def start_plan(uow: UnitOfWork, actor: Actor, depot_id: int, day: date, time_limit_s: float) -> RoutePlan:
    """A queued plan of the depot's day; raises before writing anything when it cannot be planned."""
    POLICY.check(actor, "start_plan")
    check_time_limit(time_limit_s)
    with uow:
        session, errors = uow.session, ErrorCollector()
        depot = load_owned(session, Depot, depot_id, actor, "depot")
        if day < business_today():
            raise InvalidInput("The day is over.", {"date": ["Must not be in the past."]})
        _no_other_run(uow, depot_id, day)
        fleet = fleet_of(session, depot)
        if not fleet["vans"]:
            errors.add("depot_id", f"Depot {depot_id} has no active van with a shift in its opening hours.")
        errors.raise_if_any()
        stops = day_stops(session, depot.organisation_id, depot_id, day, {v["van_id"] for v in fleet["vans"]}, errors)
        if not stops and not errors.errors:
            errors.add("date", f"No open delivery orders from depot {depot_id} on {day.isoformat()}.")
        errors.raise_if_any("The day cannot be planned.")
        plan = RoutePlan(organisation_id=depot.organisation_id, depot_id=depot_id, delivery_date=day,
                         status="queued", active_key=day_key(depot_id, day), time_limit_s=float(time_limit_s),
                         fleet=fleet, created_by=actor.user_id, stops=stops,
                         routes=[PlannedRoute(van_id=v["van_id"], driver_id=v["driver_id"], position=k)
                                 for k, v in enumerate(fleet["vans"])])
        session.add(plan)
        _commit_run(uow)
        return plan


def restart_plan(uow: UnitOfWork, actor: Actor, plan_id: int, version: int, time_limit_s: float) -> RoutePlan:
    """Re-optimise: the locked routes stay as they are; the other stops are made again
    from the day's orders as they are now (new orders in, cancelled ones out)."""
    POLICY.check(actor, "restart_plan")
    check_time_limit(time_limit_s)
    with uow:
        session = uow.session
        plan = load_owned(session, RoutePlan, plan_id, actor, "route plan")
        check_editable(plan, version)
        locked = {r.id for r in plan.routes if r.locked}
        kept = [s for s in plan.stops if s.route_id in locked]
        errors = ErrorCollector()
        fresh = day_stops(session, plan.organisation_id, plan.depot_id, plan.delivery_date,
                          {r.van_id for r in plan.routes if not r.locked}, errors,
                          skip_clients=frozenset(s.client_id for s in kept if s.client_id is not None),
                          skip_sites=frozenset(s.site_id for s in kept if s.site_id is not None))
        errors.raise_if_any("The day cannot be planned.")
        plan.stops = kept + fresh
        plan.status, plan.time_limit_s = "queued", time_limit_s
        plan.active_key = day_key(plan.depot_id, plan.delivery_date)
        plan.progress, plan.best_cost, plan.solutions_found, plan.error = 0.0, None, 0, None
        plan.cancel_requested, plan.finished_at, plan.edited_at = False, None, utcnow()
        _commit_run(uow)
        return plan


def request_cancel(uow: UnitOfWork, actor: Actor, plan_id: int) -> RoutePlan:
    """Ask a queued or running solve to stop; it keeps nothing of the run."""
    POLICY.check(actor, "request_cancel")
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        if plan.status not in ("queued", "running"):
            raise Conflict(f"The plan is {plan.status}; only a queued or running solve is cancelled.",
                           {"status": [plan.status]})
        # A plain UPDATE: no version bump, so the solver's own write is not made stale.
        uow.session.execute(update(RoutePlan).where(RoutePlan.id == plan.id).values(cancel_requested=True),
                            execution_options={"synchronize_session": False})
        uow.commit()
    with uow:
        return load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")


def _no_other_run(uow: UnitOfWork, depot_id: int, day: date) -> None:
    session = uow.session
    key = day_key(depot_id, day)
    published = session.scalar(select(RoutePlan).where(RoutePlan.published_key == key))
    if published is not None:
        raise Conflict(f"Plan {published.id} of this day is published already.", {"date": ["Published already."]})
    running = session.scalar(select(RoutePlan).where(RoutePlan.active_key == key))
    if running is None:
        return
    beat = running.heartbeat_at or running.created_at
    if utcnow() - beat < timedelta(seconds=running.time_limit_s + STALE_AFTER_S):
        raise Conflict(f"Plan {running.id} of this day is being solved; wait for it or cancel it.",
                       {"date": [f"Being solved (plan {running.id})."]})
    running.status, running.active_key, running.error = "failed", None, "The solve stopped answering."
    session.flush()  # a dead run (its process went away) no longer holds the day


def _commit_run(uow: UnitOfWork) -> None:
    uow.commit("This day is being solved already.", {"date": ["Being solved."]})
