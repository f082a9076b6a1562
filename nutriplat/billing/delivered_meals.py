"""Billing of confirmed deliveries (``record_charge``, issue 7), on inventory's
``DeliveryConfirmed`` event after its commit (``billing.handlers``).

A meal is a main course: each delivered main counts against the week's package
(``meals_per_week`` of the plan the client's subscription has that day; Monday–Sunday).
Beyond it, an ``extra_meal`` at the catalogue price; within it, a free ``package_meal``
only where a royalty is due on the dish (package meals are recorded for royalties). Soups,
desserts, drinks and supplements come with the meals and are not charged. Charges are
written after the delivery's own transaction with idempotency keys, then the order is
marked billed; a failure in between is caught up by the nightly reorder run
(``DeliveriesLeftUnbilled``). Without a
subscription in force nothing is charged."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, or_, select

from nutriplat.auth.actor import Actor
from nutriplat.billing import charges, plans
from nutriplat.billing.domain import timeline
from nutriplat.billing.models import LicensedProduct, Subscription
from nutriplat.billing.subscriptions import view
from nutriplat.catalogue.models import Dish
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.periods import Month


def bill_delivery(uow: UnitOfWork, actor: Actor, order_id: int) -> bool:
    """Record the charges of a delivered order once; False when there was nothing to do."""
    with uow:
        order = uow.session.get(DeliveryOrder, order_id)
        if order is None or order.status != "delivered" or order.billed_at is not None:
            return False
        mains = dict(uow.session.execute(select(Dish.id, Dish.course).where(
            Dish.id.in_({line.dish_id for line in order.lines}))).all())
        units: Counter[int] = Counter()
        for line in order.lines:
            if mains[line.dish_id] == "main":
                units[line.variant_id] += line.quantity
        allowance = _allowance_left(uow, order)
        licensed = _licensed(uow, order)
        dish_of = {line.variant_id: line.dish_id for line in order.lines}
        client_id, day = order.client_id, order.delivery_date
    if allowance is not None:
        for variant_id, quantity in sorted(units.items()):
            package = min(quantity, allowance)
            allowance -= package
            for kind, n in (("package_meal", package), ("extra_meal", quantity - package)):
                if n and (kind == "extra_meal" or dish_of[variant_id] in licensed):
                    charges.record_charge(uow, actor, client_id, {
                        "kind": kind, "variant_id": variant_id, "quantity": n, "charged_on": day,
                        "source_ref": f"delivery:{order_id}",
                        "idempotency_key": f"delivery:{order_id}:{variant_id}:{kind}"})
    with uow:
        order = uow.session.get(DeliveryOrder, order_id)
        order.billed_at = utcnow()  # type: ignore[union-attr]
        uow.commit()
    return True


def _allowance_left(uow: UnitOfWork, order: DeliveryOrder) -> int | None:
    """Package meals left in the delivery's week; None: no subscription in force, nothing to bill."""
    if order.ward_id is not None:  # a ward's crate: the facility's monthly invoice counts its trays
        return None
    session, day = uow.session, order.delivery_date
    subscription = session.scalar(select(Subscription).where(
        Subscription.client_id == order.client_id, Subscription.start_date <= day,
    ).order_by(Subscription.start_date.desc()).limit(1))
    if subscription is None:
        return None
    state = view(subscription, day)
    version = plans.version_on(session, state.plan_id, Month.of(day).first)
    if state.status != timeline.ACTIVE or version is None:
        return None
    monday = day - timedelta(days=day.weekday())
    used = session.scalar(select(func.coalesce(func.sum(DeliveryOrderLine.quantity), 0))
                          .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
                          .join(Dish, Dish.id == DeliveryOrderLine.dish_id).where(
        DeliveryOrder.client_id == order.client_id, DeliveryOrder.status == "delivered",
        DeliveryOrder.billed_at.is_not(None), Dish.course == "main",
        DeliveryOrder.delivery_date >= monday, DeliveryOrder.delivery_date <= monday + timedelta(days=6),
        DeliveryOrder.id != order.id)) or 0
    return max(version.meals_per_week - used, 0)


def _licensed(uow: UnitOfWork, order: DeliveryOrder) -> set[int]:
    """Dishes that earn a royalty on the delivery day: their package meals are recorded."""
    day = order.delivery_date
    return set(uow.session.scalars(select(LicensedProduct.dish_id).where(
        LicensedProduct.organisation_id == order.organisation_id, LicensedProduct.valid_from <= day,
        or_(LicensedProduct.valid_until.is_(None), LicensedProduct.valid_until >= day))))


__all__ = ["bill_delivery"]
