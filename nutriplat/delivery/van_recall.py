"""A recall's units aboard a van (issue 20 item 2): the recalled lot is blocked, so what a
van holds of it stays frozen in place — never picked, delivered or moved on. When the
van's route is done (its last stop confirmed) the units ride back to the depot with it
and are accounted there as collected (``recalls.account``: a recall step and its stock
move), so the recall can close without anyone counting the van by hand."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import RoutePlan
from nutriplat.delivery.planning.editing import route_of
from nutriplat.inventory import recalls
from nutriplat.inventory.models import Recall, RecallLocation


def van_back_at_depot(uow: UnitOfWork, actor: Actor, plan_id: int, route_id: int) -> int:
    """The recalls whose units on the route's van were accounted now (0 while a stop of the
    route is still to be confirmed)."""
    with uow:
        plan = uow.session.get_one(RoutePlan, plan_id)
        route = route_of(plan, route_id)
        if any(stop.outcome is None for stop in plan.stops if stop.route_id == route.id):
            return 0
        aboard = [(place.recall_id, place.outstanding) for place in uow.session.scalars(
            select(RecallLocation).join(Recall, Recall.id == RecallLocation.recall_id).where(
                RecallLocation.location_id == route.van_id, Recall.status == "open").order_by(RecallLocation.id))
            if place.outstanding > 0]
        van, day = route.van_id, plan.delivery_date
    for recall_id, units in aboard:
        recalls.account(uow, actor, recall_id, van, {
            "outcome": "collected", "units": units,
            "note": f"returned to the depot with the van's route {route_id} of {day.isoformat()}"})
    return len(aboard)
