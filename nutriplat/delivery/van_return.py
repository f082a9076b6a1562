"""What the van still holds when its route ends goes back to the depot (issue 20): units
refused at the door stay in the van when the stop is confirmed (``confirmation.take_back``);
once the van's last stop of the day is confirmed they, and anything else left aboard, are
moved to the depot's warehouse through the stock ledger — or written off as waste or
expiry when they may not go back to stock (``domain.van_leftovers``). A redelivery then
takes them from the depot like any other stock.

Left aboard: units of orders still picked onto the van (they ride it to their own
delivery) and recalled lots (``van_recall`` accounts for those). Running it again moves
nothing: the van holds nothing more to return."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.proof import cold_chain_alarms
from nutriplat.delivery.domain.van_leftovers import Held, fates
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.planning.editing import route_of
from nutriplat.delivery.planning.proofs import proofs_of
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Lot, StockBalance


def return_van_stock(uow: UnitOfWork, actor: Actor, plan_id: int, route_id: int) -> dict[str, int]:
    """Units moved per move kind (return, waste, expiry); nothing while a stop of the van
    on that day's published plans is still to be confirmed."""
    with uow:
        session = uow.session
        plan = session.get_one(RoutePlan, plan_id)
        route, day = route_of(plan, route_id), plan.delivery_date
        if plan.published_at is None or _still_driving(uow, route.van_id, plan):
            return {}
        van, name = route.van_id, f"route {route.id} of {day.isoformat()}"
        lots = list(session.scalars(select(StockBalance.lot_id).where(
            StockBalance.location_id == van, StockBalance.quantity > 0)))
        ledger = Ledger(session, actor.user_id)
        # The van's rows and the depot's in one ordered pass (the ledger's deadlock rule).
        ledger.lock([(loc, lot) for lot in lots for loc in (van, plan.depot_id)])
        held = [Held(lot_id, ledger.quantity((van, lot_id)), storage_class, expiry)
                for lot_id, storage_class, expiry in session.execute(
                    select(Lot.id, DishVariant.storage_class, Lot.expiry_date)
                    .join(DishVariant, DishVariant.id == Lot.variant_id)
                    .where(Lot.id.in_(lots), Lot.recalled_at.is_(None)).order_by(Lot.id))]
        found = fates(held, _riding(uow, van), _too_warm(uow, plan, route), day, name)
        ledger.post([Move(f.kind, f.lot_id, f.units, van, plan.depot_id if f.kind == "return" else None, day,
                          reason=f.reason) for f in found], plan.organisation_id, returning=False)
        uow.commit()
    moved: Counter[str] = Counter()
    for fate in found:
        moved[fate.kind] += fate.units
    return dict(moved)


def _still_driving(uow: UnitOfWork, van: int, plan: RoutePlan) -> bool:
    """A stop of the van still to be confirmed on a published plan of the plan's day."""
    return uow.session.scalar(
        select(PlannedStop.id).join(PlannedRoute, PlannedRoute.id == PlannedStop.route_id)
        .join(RoutePlan, RoutePlan.id == PlannedStop.plan_id)
        .where(PlannedRoute.van_id == van, RoutePlan.delivery_date == plan.delivery_date,
               RoutePlan.published_at.is_not(None), PlannedStop.outcome.is_(None)).limit(1)) is not None


def _riding(uow: UnitOfWork, van: int) -> dict[int, int]:
    """Units per lot of the orders still picked onto the van."""
    rows = uow.session.execute(
        select(DeliveryOrderLine.lot_id, DeliveryOrderLine.quantity)
        .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
        .where(DeliveryOrder.vehicle_id == van, DeliveryOrder.status == "picked"))
    riding: Counter[int] = Counter()
    for lot_id, quantity in rows:
        if lot_id is not None:
            riding[lot_id] += quantity
    return dict(riding)


def _too_warm(uow: UnitOfWork, plan: RoutePlan, route: PlannedRoute) -> set[str]:
    """The storage classes handed over above their limit at any stop of the route."""
    proofs = proofs_of(uow.session, [s.id for s in plan.stops if s.route_id == route.id])
    return {name for proof in proofs.values() for name in cold_chain_alarms(proof.chilled_c, proof.frozen_c)}
