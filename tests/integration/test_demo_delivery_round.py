"""The simulated delivery round: the planner publishes the plan the ``route-plans`` job
made, the drivers confirm every stop on the delivery day, and nothing is confirmed twice."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.clock import simulated_day
from nutriplat.delivery.models import DeliveryOrder, PlannedStop, RoutePlan
from nutriplat.inventory.models import StockMove
from nutriplat.jobs.registry import JOBS
from tools.demo.simulate_rounds import deliver_day


def test_the_round_publishes_the_plan_and_confirms_each_stop_through_the_delivery_service(depot, app, tomorrow):
    lena, _, new_uow = depot
    factory = app.extensions["nutriplat"].session_factory
    planner = Actor(lena.id, lena.username, "logistics", lena.organisation_id)
    JOBS["route-plans"].run(new_uow, tomorrow)
    with new_uow() as uow:
        first_client = min(uow.session.scalars(select(DeliveryOrder.client_id)))
    outcome_at = lambda client_id: "not_home" if client_id == first_client else "delivered"  # noqa: E731

    with simulated_day(tomorrow):  # drivers confirm on the delivery day, not before
        counts = deliver_day(factory, planner, tomorrow, outcome_at)
        again = deliver_day(factory, planner, tomorrow, outcome_at)

    assert counts == {"route plans published": 1, "stops delivered": 2, "stops not home": 1}
    assert again == {}
    with new_uow() as uow:
        s = uow.session
        assert s.scalar(select(RoutePlan.published_by)) == lena.id
        assert {stop.outcome for stop in s.scalars(select(PlannedStop))} == {"delivered", "not_home"}
        statuses = dict(s.execute(select(DeliveryOrder.client_id, DeliveryOrder.status).where(
            DeliveryOrder.redelivery_of_id.is_(None))).all())
        assert statuses.pop(first_client) == "not_home" and set(statuses.values()) == {"delivered"}
        # nobody home: brought again the next day (delivery.redelivery), once
        assert s.execute(select(DeliveryOrder.client_id, DeliveryOrder.status, DeliveryOrder.origin).where(
            DeliveryOrder.redelivery_of_id.is_not(None))).all() == [(first_client, "planned", "redelivery")]
        assert s.scalar(select(StockMove.id).where(StockMove.kind == "delivery")) is not None
