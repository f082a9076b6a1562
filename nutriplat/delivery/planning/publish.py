"""Publishing a plan: its delivery orders get their van, and the plan is fixed (only
stop confirmations change it from now on). One published plan per depot and day."""
from __future__ import annotations


from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder, RoutePlan
from nutriplat.delivery.planning.editing import EDITABLE, check_editable
from nutriplat.delivery.planning.runs import day_key
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict


def publish_plan(uow: UnitOfWork, actor: Actor, plan_id: int, version: int) -> RoutePlan:
    POLICY.check(actor, "publish_plan")
    with uow:
        session = uow.session
        plan = load_owned(session, RoutePlan, plan_id, actor, "route plan")
        check_editable(plan, version, EDITABLE)
        vans = {r.id: r.van_id for r in plan.routes}
        for stop in (s for s in plan.stops if s.route_id is not None):
            for order in (session.get(DeliveryOrder, order_id) for order_id in stop.order_ids):
                if order is None or order.status == "cancelled":
                    continue
                if order.status == "picked" and order.vehicle_id != vans[stop.route_id]:
                    raise Conflict(f"Order {order.id} is picked onto another van since the plan was made; "
                                   "re-optimise first.", {"status": ["Picked elsewhere."]})
                if order.status == "planned":
                    order.vehicle_id = vans[stop.route_id]
        plan.published_key, plan.published_at, plan.published_by = day_key(plan.depot_id, plan.delivery_date), \
            utcnow(), actor.user_id
        plan.edited_at = plan.published_at
        uow.commit("Another plan of this depot and day is published already.", {"status": ["Published already."]},
                   stale="The plan or one of its orders changed at the same moment; reload and retry.")
        return plan
