"""Picking an order onto a vehicle, and confirming it at the door.

Both re-check every line against the client's record as it is now (a new allergy since
the order was made): an unsuitable line is dropped with a note, never delivered. Lots
are taken first-expiry-first-out and must last until the day the client will eat the
units (``use_by``); an expired lot is never picked. A line taken from several lots
becomes one line per lot."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.backorders import back_order
from nutriplat.delivery.confirmation import confirm, refusals_by_product, take_back
from nutriplat.delivery.domain.proof import Refusal
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.orders import RESOURCE, commit_or_conflict, is_ward_order, load_order
from nutriplat.delivery.orders import cancel_order as cancel_home_order
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.redelivery import redeliver
from nutriplat.delivery.vocabulary import OUTCOMES
from nutriplat.delivery.ward_fulfil import cancel_ward_order, confirm_ward_delivery, pick_ward_order
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.inventory.access import check_location
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot
from nutriplat.inventory.picking import Destination, Want, take
from nutriplat.inventory.suitability import allowed_for, reason_against


def pick_order(uow: UnitOfWork, actor: Actor, order_id: int, vehicle_id: int) -> DeliveryOrder:
    POLICY.check(actor, "pick_order")
    if is_ward_order(uow, actor, order_id):
        return pick_ward_order(uow, actor, order_id, vehicle_id)
    with uow:
        session, errors = uow.session, ErrorCollector()
        order, client = load_order(session, actor, order_id)
        vehicle = check_location(session, actor, vehicle_id, errors, "vehicle_id", ("vehicle",))
        errors.raise_if_any()
        if order.status != "planned":
            raise Conflict(f"The order is {order.status}; only a planned order is picked.", {"status": [order.status]})
        ledger = Ledger(session, actor.user_id)
        if _take_lots(session, ledger, order, client, order.warehouse_id, vehicle.id, "pick"):  # type: ignore[union-attr]
            order.status, order.vehicle_id, order.picked_at = "picked", vehicle.id, utcnow()  # type: ignore[union-attr]
        audit.record(session, actor, "pick", RESOURCE, order.id, client.id, organisation_id=client.organisation_id)
        commit_or_conflict(uow)
        return order


def cancel_order(uow: UnitOfWork, actor: Actor, order_id: int, reason: str | None) -> DeliveryOrder:
    """A home order, or a facility's ward order (its crate)."""
    POLICY.check(actor, "cancel_order")
    if is_ward_order(uow, actor, order_id):
        return cancel_ward_order(uow, actor, order_id, reason)
    return cancel_home_order(uow, actor, order_id, reason)


def confirm_delivery(uow: UnitOfWork, actor: Actor, order_id: int, outcome: str,
                     on: date | None = None, refused: Mapping[int, int] | None = None,
                     trays_refused: Sequence[Refusal] = ()) -> DeliveryOrder:
    """What the driver found at the door (routing calls this). ``delivered``: the units go
    into the home or the ward (from the vehicle, or straight from the warehouse when not
    picked), less the ``refused`` units per variant, which stay where they are (the van's stock);
    ``not_home`` or ``refused``: picked units go back to the warehouse; ``not_home`` also
    makes the order's redelivery on the next open day (``redelivery``). ``trays_refused``
    name the ward residents who refused (a ward crate only). Confirming the same outcome
    again changes nothing."""
    POLICY.check(actor, "confirm_delivery")
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}")
    day = on or business_today()
    if is_ward_order(uow, actor, order_id):
        return confirm_ward_delivery(uow, actor, order_id, outcome, day, refused or {}, trays_refused)
    if trays_refused:
        raise ValueError("a refusal names a resident only on a ward crate")
    with uow:
        session = uow.session
        order, client = load_order(session, actor, order_id)
        if not confirm(uow, actor, order, outcome, day,
                       lambda ledger: _deliver(session, ledger, order, client, day, refused or {})):
            return order
        audit.record(session, actor, "confirm", RESOURCE, order.id, client.id, detail={"outcome": outcome},
                     organisation_id=client.organisation_id)
        if outcome == "not_home":
            redeliver(session, actor, order, client)
        commit_or_conflict(uow)  # billing charges a delivered order after this commit
    return order


def _deliver(session: Session, ledger: Ledger, order: DeliveryOrder, client: Client, day: date,
             refused: Mapping[int, int]) -> None:
    refusals = refusals_by_product(order, refused)
    homes = {home.storage_class: home for home in session.scalars(
        select(Location).where(Location.client_id == client.id, Location.active))}
    if order.status == "planned":  # straight from the warehouse
        to_home = lambda lot: homes[lot.storage_class].id if lot.storage_class in homes else None  # noqa: E731
        if not _take_lots(session, ledger, order, client, order.warehouse_id, to_home, None):
            return
    take_back(order, refusals)
    storage = dict(session.execute(select(DishVariant.id, DishVariant.storage_class).where(
        DishVariant.id.in_({line.variant_id for line in order.lines}))).all())
    missing = sorted({storage[line.variant_id] for line in order.lines} - homes.keys())
    if missing:
        raise Conflict(f"Client {client.id} has no home storage for {', '.join(missing)} food.",
                       {"lines": [f"No home location for {m} food." for m in missing]})
    source = order.vehicle_id if order.status == "picked" else order.warehouse_id
    ledger.post([Move("delivery", line.lot_id, line.quantity, source, homes[storage[line.variant_id]].id, day,  # type: ignore[arg-type]
                      client_id=client.id, delivery_order_id=order.id) for line in order.lines],
                order.organisation_id)


def _take_lots(session: Session, ledger: Ledger, order: DeliveryOrder, client: Client, source: int,
               destination: Destination, kind: str | None) -> bool:
    """Give every line its lots (moved to the vehicle as ``kind`` when given); False when
    no line is left and the order was cancelled instead."""
    _drop_unsuitable(session, order, client)
    if not order.lines:
        order.status = "cancelled"
        return False
    wants = [Want((line.dish_id, line.texture), line.quantity, max(filter(None, (line.use_by, order.delivery_date))),
                  f"line {line.id} (variant {line.variant_id})", allowed_for(session, client)) for line in order.lines]
    # A home order is picked in part when the warehouse is short; the rest goes on a back-order.
    taken = take(session, ledger, [source], destination, wants, partial=order.ward_id is None)
    variant_of = dict(session.execute(select(Lot.id, Lot.variant_id).where(
        Lot.id.in_({lot for picks in taken for _, lot, _ in picks}))).all())
    short = [(line, line.quantity - sum(units for _, _, units in picks))
             for line, picks in zip(list(order.lines), taken, strict=True)]
    order.lines = [DeliveryOrderLine(variant_id=variant_of[lot_id], dish_id=line.dish_id, texture=line.texture,
                                     quantity=units, use_by=line.use_by, lot_id=lot_id)
                   for line, picks in zip(list(order.lines), taken, strict=True) for _, lot_id, units in picks]
    back_order(session, order, [(line, missing) for line, missing in short if missing > 0])
    session.flush()
    if kind is not None:
        ledger.post([Move(kind, line.lot_id, line.quantity, source, destination, business_today(),  # type: ignore[arg-type]
                          delivery_order_id=order.id) for line in order.lines], order.organisation_id)
    return True


def _drop_unsuitable(session: Session, order: DeliveryOrder, client: Client) -> None:
    variants = {v.id: v for v in session.scalars(select(DishVariant).where(
        DishVariant.id.in_({line.variant_id for line in order.lines})))}
    dropped = []
    for line in list(order.lines):
        variant = variants[line.variant_id]
        if reason := reason_against(variant, client):
            order.lines.remove(line)
            dropped.append(f"{variant.name} dropped: {reason}")
    if dropped:
        order.note = "; ".join(filter(None, [order.note, *dropped]))[:2000]
