"""What the driver found at a stop, on a published plan. Each of the stop's orders is
confirmed by inventory's ``confirm_delivery`` (stock moves, early warning, billing),
its equipment installs and collections by equipment's ``confirm_tasks`` and a recall's
collect lines by ``recall_pickups.collect``; once the route's last stop is confirmed, a
recall's units aboard its van are accounted as back at the depot (``van_recall``) and the rest
of what it still holds goes back to the depot's stock (``van_return``); the same
outcome again changes nothing, another outcome is a conflict. The proof of delivery
(``planning.proofs``) is checked against the stop before anything is written: an order
refused whole is confirmed as refused, the rest as delivered less its refused lines (at a
care facility, a refusal naming a resident comes off that resident's tray)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.domain.proof import by_variant, fully_refused
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder, PlannedStop, RoutePlan
from nutriplat.delivery.planning import proofs
from nutriplat.delivery.planning.editing import stop_of
from nutriplat.delivery.planning.views import stop_view
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.recall_pickups import collect
from nutriplat.delivery.van_recall import van_back_at_depot
from nutriplat.delivery.van_return import return_van_stock
from nutriplat.equipment.tasks import confirm_tasks
from nutriplat.errors import Conflict


def confirm_stop(uow: UnitOfWork, actor: Actor, plan_id: int, stop_id: int, outcome: str,
                 note: str | None = None, proof: dict[str, Any] | None = None) -> dict[str, Any]:
    POLICY.check(actor, "confirm_stop")
    proof = proof or {}
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        stop = stop_of(plan, stop_id)
        if plan.published_at is None:
            raise Conflict(f"Plan {plan.id} is not published; stops are confirmed on a published plan.",
                           {"status": ["Not published."]})
        if stop.route_id is None:
            raise Conflict(f"Stop {stop.id} was dropped from the plan: {stop.drop_reason}", {"stop_id": ["Dropped."]})
        if business_today() < plan.delivery_date:
            raise Conflict(f"The delivery is on {plan.delivery_date.isoformat()}; it cannot be confirmed before.",
                           {"outcome": ["Too early."]})
        if stop.outcome == outcome:
            return _view(uow, plan.delivery_date, stop)
        if stop.outcome is not None:
            raise Conflict(f"Stop {stop.id} is confirmed as {stop.outcome} already.", {"outcome": [stop.outcome]})
        open_orders = list(uow.session.scalars(select(DeliveryOrder.id).where(
            DeliveryOrder.id.in_(stop.order_ids), DeliveryOrder.status != "cancelled").order_by(DeliveryOrder.id)))
        day, task_ids, pickup_ids = plan.delivery_date, list(stop.task_ids), list(stop.pickup_ids)
        carried = proofs.carried(uow.session, open_orders)
        refused = proofs.check(outcome, proof, carried)
    if not open_orders and not task_ids and not pickup_ids:
        raise Conflict(f"Every order of stop {stop_id} was cancelled.", {"stop_id": ["Nothing to deliver."]})
    sent_back = fully_refused(carried.units, refused)
    for order_id in open_orders:
        mine = [r for r in refused if r.order_id == order_id]
        confirm_delivery(uow, actor, order_id, "refused" if order_id in sent_back else outcome, on=day,
                         refused=by_variant([r for r in mine if r.client_id is None]),
                         trays_refused=[r for r in mine if r.client_id is not None])
    if task_ids:
        confirm_tasks(uow, actor, task_ids, outcome, day)
    if pickup_ids:
        collect(uow, actor, pickup_ids, outcome)
    with uow:
        stop = stop_of(load_owned(uow.session, RoutePlan, plan_id, actor, "route plan"), stop_id)
        if stop.outcome is None:
            stop.outcome, stop.outcome_note = outcome, note
            stop.confirmed_at, stop.confirmed_by = utcnow(), actor.user_id
            proofs.record(uow.session, stop, actor.user_id, proof, refused, carried.variants)
            uow.commit()
        elif stop.outcome != outcome:  # a concurrent confirmation won
            raise Conflict(f"Stop {stop.id} is confirmed as {stop.outcome} already.", {"outcome": [stop.outcome]})
        view, route_id = _view(uow, day, stop), stop.route_id
    if route_id is not None:  # the route's last stop: what the van still holds is back at the depot
        van_back_at_depot(uow, actor, plan_id, route_id)
        return_van_stock(uow, actor, plan_id, route_id)
    return view


def _view(uow: UnitOfWork, day: date, stop: PlannedStop) -> dict[str, Any]:
    return stop_view(day, stop) | {"proof": proofs.proof_view(proofs.proofs_of(uow.session, [stop.id]).get(stop.id))}
