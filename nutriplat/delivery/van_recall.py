"""A recall's units aboard a van (issue 20 item 2): the recalled lot is blocked, so what a
van holds of it stays frozen in place — never picked, delivered or moved on. The units
come back to the depot with the van and are accounted there as collected
(``recalls.account``: a recall step, its stock move and its audit entry), so the recall
closes once nothing is outstanding, without anyone counting the van by hand:

- when the van's route is done (its last stop confirmed), ``van_back_at_depot``;
- when the van drives no route that day (it stands at the depot), the nightly run's
  ``parked_vans_back_at_depot``."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy import ColumnElement, Select, select

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.planning.editing import route_of
from nutriplat.errors import DomainError
from nutriplat.inventory import recalls
from nutriplat.inventory.models import Location, Recall, RecallLocation

log = logging.getLogger(__name__)
Aboard = list[tuple[int, int, int]]  # (recall id, van id, units outstanding)


def van_back_at_depot(uow: UnitOfWork, actor: Actor, plan_id: int, route_id: int) -> int:
    """The recalls whose units on the route's van were accounted now (0 while a stop of the
    route is still to be confirmed)."""
    with uow:
        plan = uow.session.get_one(RoutePlan, plan_id)
        route = route_of(plan, route_id)
        if any(stop.outcome is None for stop in plan.stops if stop.route_id == route.id):
            return 0
        aboard = _aboard(uow, RecallLocation.location_id == route.van_id)
        day = plan.delivery_date
    for recall_id, van, units in aboard:
        recalls.account(uow, actor, recall_id, van, {
            "outcome": "collected", "units": units,
            "note": f"returned to the depot with the van's route {route_id} of {day.isoformat()}"})
    return len(aboard)


def parked_vans_back_at_depot(new_uow: Callable[[], UnitOfWork], actor: Actor, day: date) -> int:
    """Units of an open recall aboard a van that drives no route of a published plan on
    ``day`` are accounted as back at the depot; the number of (recall, van) places
    accounted. A place accounted meanwhile by hand is left (logged), the rest go on."""
    with new_uow() as uow:
        aboard = _aboard(uow, Location.kind == "vehicle", RecallLocation.location_id.not_in(_driving(day)))
    done = 0
    for recall_id, van, units in aboard:
        try:
            recalls.account(new_uow(), actor, recall_id, van, {
                "outcome": "collected", "units": units,
                "note": f"returned to the depot: the van drove no route on {day.isoformat()}"})
        except DomainError as error:  # e.g. counted by hand since it was read: nothing left to account
            log.warning("recall %s van %s: %s %s", recall_id, van, error.message, error.errors)
            continue
        done += 1
    return done


def _aboard(uow: UnitOfWork, *where: ColumnElement[bool]) -> Aboard:
    """Open recalls' places matching ``where`` with units still outstanding."""
    places = uow.session.scalars(
        select(RecallLocation).join(Recall, Recall.id == RecallLocation.recall_id)
        .join(Location, Location.id == RecallLocation.location_id)
        .where(Recall.status == "open", *where).order_by(RecallLocation.id))
    return [(place.recall_id, place.location_id, place.outstanding) for place in places if place.outstanding > 0]


def _driving(day: date) -> Select[int]:
    """The vans with a stop on a published plan of ``day``."""
    return (select(PlannedRoute.van_id).join(RoutePlan, RoutePlan.id == PlannedRoute.plan_id)
            .join(PlannedStop, PlannedStop.route_id == PlannedRoute.id)
            .where(RoutePlan.delivery_date == day, RoutePlan.published_at.is_not(None)))
