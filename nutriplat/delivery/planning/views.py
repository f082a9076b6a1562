"""Reading plans: one with its result, the list of a day. A plan says which clients
are delivered when: reading one with its stops is audited per client."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.day_seconds import moment
from nutriplat.delivery.models import Driver, PlannedStop, RoutePlan
from nutriplat.delivery.policy import POLICY
from nutriplat.inventory.access import scoped

RESOURCE = "route_plan"


def get_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_plan")
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        view = summary(plan) | {"result": result(uow, plan) if plan.status == "done" else None}
        if view["result"] is not None:
            audit.record_reads(uow.session, actor, RESOURCE, {(s.client_id, plan.organisation_id) for s in plan.stops
                                                                     if s.client_id is not None})
            uow.commit()
        return view


def list_plans(uow: UnitOfWork, actor: Actor, day: date, depot_id: int | None = None) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_plans")
    with uow:
        stmt = scoped(select(RoutePlan), RoutePlan.organisation_id, actor).where(RoutePlan.delivery_date == day)
        if depot_id is not None:
            stmt = stmt.where(RoutePlan.depot_id == depot_id)
        return [summary(p) for p in uow.session.scalars(stmt.order_by(RoutePlan.depot_id, RoutePlan.id))]


def summary(plan: RoutePlan) -> dict[str, Any]:
    return {"id": plan.id, "depot_id": plan.depot_id, "date": plan.delivery_date, "status": plan.status,
            "published": plan.published_at is not None, "published_at": plan.published_at, "version": plan.version,
            "time_limit_s": plan.time_limit_s, "error": plan.error, "created_at": plan.created_at,
            "started_at": plan.started_at, "finished_at": plan.finished_at,
            "progress": {"fraction": round(plan.progress, 4), "best_cost": plan.best_cost,
                         "solutions_found": plan.solutions_found}}


def result(uow: UnitOfWork, plan: RoutePlan) -> dict[str, Any]:
    day = plan.delivery_date
    names = {v["van_id"]: v["name"] for v in plan.fleet["vans"]}
    drivers: dict[int | None, str] = dict(uow.session.execute(select(Driver.id, Driver.name).where(
        Driver.id.in_({r.driver_id for r in plan.routes})) ).all())
    routes = []
    for route in plan.routes:
        stops = sorted((s for s in plan.stops if s.route_id == route.id), key=lambda s: s.sequence or 0)
        routes.append({
            "id": route.id, "van_id": route.van_id, "van_name": names.get(route.van_id), "driver_id": route.driver_id,
            "driver_name": drivers.get(route.driver_id), "locked": route.locked,
            "start": moment(day, route.start_s), "end": moment(day, route.end_s), "distance_m": route.distance_m,
            "duration_s": (route.end_s or 0) - (route.start_s or 0) if stops else 0,
            "load_litres": round(sum(s.demand_litres for s in stops), 3),
            "load_kg": round(sum(s.demand_kg for s in stops), 3),
            "frozen_litres": round(sum(s.frozen_litres for s in stops), 3),
            "chilled_litres": round(sum(s.chilled_litres for s in stops), 3),
            "breaks": [{"start": moment(day, start), "minutes": duration // 60} for start, duration in route.breaks],
            "stops": [stop_view(day, s) for s in stops]})
    dropped = [stop_view(day, s) | {"reason": s.drop_reason} for s in plan.stops if s.route_id is None]
    return {"distance_m": sum(r["distance_m"] for r in routes), "duration_s": sum(r["duration_s"] for r in routes),
            "objective": plan.best_cost, "routes": routes, "dropped": dropped}


def stop_view(day: date, stop: PlannedStop) -> dict[str, Any]:
    return {"id": stop.id, "client_id": stop.client_id, "site_id": stop.site_id, "order_ids": stop.order_ids,
            "task_ids": stop.task_ids,
            "pickup_ids": stop.pickup_ids, "sequence": stop.sequence,
            "eta": moment(day, stop.eta_s), "departure": moment(day, stop.departure_s),
            "window": {"start": moment(day, stop.window_start_s), "end": moment(day, stop.window_end_s)},
            "demand_litres": stop.demand_litres, "demand_kg": stop.demand_kg,
            "frozen_litres": stop.frozen_litres, "chilled_litres": stop.chilled_litres,
            "load_after_litres": stop.load_after_litres, "load_after_kg": stop.load_after_kg,
            "pinned_van_id": stop.pinned_van_id, "last_driver_id": stop.last_driver_id,
            "outcome": stop.outcome, "outcome_note": stop.outcome_note, "confirmed_at": stop.confirmed_at}
