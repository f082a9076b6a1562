"""The delivery round of a simulated day, as the people do it: the planner publishes the
day's route plan (made by the ``route-plans`` job the afternoon before), and the drivers
confirm each stop in route order through the delivery service — which writes the stock
moves through inventory. Orders that no published route carries (a dropped stop, a depot
without a plan) are confirmed straight through inventory, as the kitchen's own car would."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder, PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.planning.confirm import confirm_stop
from nutriplat.delivery.planning.publish import publish_plan
from nutriplat.errors import Conflict

Outcome = Callable[[int | None], str]  # client id -> what the driver finds at the door
# What a driver records at a delivered door: the client takes it; both cold readings in range.
HANDOVER = {"received_by": "the client", "chilled_c": 4.0, "frozen_c": -18.0}


def deliver_day(factory: sessionmaker[Session], planner: Actor, day: date, outcome_at: Outcome) -> Counter[str]:
    counts: Counter[str] = Counter()
    for plan_id in _plans_to_publish(factory, day):
        with UnitOfWork(factory) as uow:
            version = uow.session.get_one(RoutePlan, plan_id).version
        publish_plan(UnitOfWork(factory), planner, plan_id, version)
        counts["route plans published"] += 1
    for plan_id, stop_id, client_id in _open_stops(factory, day):
        outcome = outcome_at(client_id)
        try:
            confirm_stop(UnitOfWork(factory), planner, plan_id, stop_id, outcome, proof=HANDOVER)
        except Conflict:  # the warehouse ran short: logistics sees it in the stock
            counts["stops short at the warehouse"] += 1
            continue
        counts[f"stops {outcome.replace('_', ' ')}"] += 1
    for order_id, client_id in _orders_off_route(factory, day):
        outcome = outcome_at(client_id)
        try:
            confirm_delivery(UnitOfWork(factory), planner, order_id, outcome, on=day)
        except Conflict:
            counts["orders off route short at the warehouse"] += 1
            continue
        counts[f"orders off route {outcome.replace('_', ' ')}"] += 1
    return counts


def _plans_to_publish(factory: sessionmaker[Session], day: date) -> list[int]:
    with UnitOfWork(factory) as uow:
        published = set(uow.session.scalars(select(RoutePlan.depot_id).where(
            RoutePlan.delivery_date == day, RoutePlan.published_at.is_not(None))))
        done = uow.session.execute(select(RoutePlan.id, RoutePlan.depot_id).where(
            RoutePlan.delivery_date == day, RoutePlan.status == "done").order_by(RoutePlan.id.desc())).all()
    latest = {depot: plan for plan, depot in reversed(done)}  # the newest plan per depot
    return [plan for depot, plan in latest.items() if depot not in published]


def _open_stops(factory: sessionmaker[Session], day: date) -> list[tuple[int, int, int]]:
    with UnitOfWork(factory) as uow:
        return [tuple(row) for row in uow.session.execute(  # type: ignore[misc]
            select(PlannedStop.plan_id, PlannedStop.id, PlannedStop.client_id)
            .join(PlannedRoute, PlannedRoute.id == PlannedStop.route_id)
            .join(RoutePlan, RoutePlan.id == PlannedStop.plan_id)
            .where(RoutePlan.delivery_date == day, RoutePlan.published_at.is_not(None),
                   PlannedStop.outcome.is_(None))
            .order_by(PlannedRoute.position, PlannedStop.sequence))]


def _orders_off_route(factory: sessionmaker[Session], day: date) -> list[tuple[int, int]]:
    """The day's open home orders that no published route carries (a ward's order goes with
    its facility's stop)."""
    with UnitOfWork(factory) as uow:
        routed = {order_id for order_ids in uow.session.scalars(
            select(PlannedStop.order_ids).join(RoutePlan, RoutePlan.id == PlannedStop.plan_id)
            .where(RoutePlan.delivery_date == day, RoutePlan.published_at.is_not(None),
                   PlannedStop.route_id.is_not(None))) for order_id in order_ids}
        return [(order_id, client_id) for order_id, client_id in uow.session.execute(
            select(DeliveryOrder.id, DeliveryOrder.client_id).where(
                DeliveryOrder.delivery_date == day, DeliveryOrder.status.in_(("planned", "picked")),
                DeliveryOrder.ward_id.is_(None)).order_by(DeliveryOrder.id)) if order_id not in routed]
