"""Picking, cancelling and confirming a facility's ward order: the crate of one ward.

Each line is one resident's tray. At packing every line is checked again against its
resident as they are now: a resident who left the ward, or a dish their record excludes
since the order was made (texture, allergy), drops the line with a note — never packed.
Lots are taken first-expiry-first-out and must last until the tray's day. Delivered, the
units move to the ward's stock location, each move naming its resident (a recall finds
the tray). No home subscription is charged: the facility's agreement is billed instead."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.confirmation import confirm, refusals_by_product, take_back
from nutriplat.delivery.domain.proof import Refusal
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.orders import RESOURCE, commit_or_conflict
from nutriplat.delivery.tray_refusals import Tray, by_tray, take_back_trays
from nutriplat.delivery.tray_refusals import record as record_tray_refusals
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.facilities.models import Ward
from nutriplat.inventory.access import check_location
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot
from nutriplat.inventory.picking import Destination, Want, take
from nutriplat.inventory.suitability import allowed_for, reason_against


def pick_ward_order(uow: UnitOfWork, actor: Actor, order_id: int, vehicle_id: int) -> DeliveryOrder:
    with uow:
        session, errors = uow.session, ErrorCollector()
        order = _load(session, actor, order_id)
        vehicle = check_location(session, actor, vehicle_id, errors, "vehicle_id", ("vehicle",))
        errors.raise_if_any()
        if order.status != "planned":
            raise Conflict(f"The order is {order.status}; only a planned order is picked.", {"status": [order.status]})
        ledger = Ledger(session, actor.user_id)
        if _take_lots(session, ledger, order, order.warehouse_id, vehicle.id):  # type: ignore[union-attr]
            ledger.post([Move("pick", line.lot_id, line.quantity, order.warehouse_id, vehicle.id,  # type: ignore[arg-type, union-attr]
                              business_today(), client_id=line.client_id, delivery_order_id=order.id)
                         for line in order.lines], order.organisation_id)
            order.status, order.vehicle_id, order.picked_at = "picked", vehicle.id, utcnow()  # type: ignore[union-attr]
        _audit(session, actor, "pick", order)
        commit_or_conflict(uow)
        return order


def cancel_ward_order(uow: UnitOfWork, actor: Actor, order_id: int, reason: str | None) -> DeliveryOrder:
    """Only a planned crate is cancelled (a picked one comes back from the stop)."""
    with uow:
        order = _load(uow.session, actor, order_id)
        if order.status != "planned":
            raise Conflict(f"The order is {order.status}; only a planned order is cancelled "
                           "(a picked one is returned from the stop).", {"status": [order.status]})
        order.status = "cancelled"
        order.note = "; ".join(filter(None, [order.note, f"cancelled: {reason or 'by hand'}"]))
        _audit(uow.session, actor, "cancel", order)
        commit_or_conflict(uow)
        return order


def confirm_ward_delivery(uow: UnitOfWork, actor: Actor, order_id: int, outcome: str, day: date,
                          refused: Mapping[int, int] | None = None,
                          trays_refused: Sequence[Refusal] = ()) -> DeliveryOrder:
    """``delivered``: the crate goes into the ward's location (from the van, or straight
    from the depot when not picked), less the ``refused`` units per variant, which come off
    the crate and stay in the van, as for a home, and less ``trays_refused``, which come
    off the named residents' trays (``tray_refusals``); ``not_home`` or ``refused``: a picked
    crate goes back to the depot. The same outcome again changes nothing."""
    with uow:
        session = uow.session
        order = _load(session, actor, order_id)
        trays = by_tray(order, trays_refused)
        if not confirm(uow, actor, order, outcome, day,
                       lambda ledger: _deliver(session, ledger, order, day, refused or {}, trays)):
            return order
        if order.status == "delivered":
            record_tray_refusals(session, actor, order, trays_refused, day)
        _audit(session, actor, "confirm", order, {"outcome": outcome})
        commit_or_conflict(uow)
        return order


def _deliver(session: Session, ledger: Ledger, order: DeliveryOrder, day: date, refused: Mapping[int, int],
             trays: dict[Tray, int]) -> None:
    """The crate less its refused trays into the ward's location, a move per resident's tray."""
    ward_location = _ward_location(session, order)
    source = order.vehicle_id if order.status == "picked" else order.warehouse_id
    refusals = refusals_by_product(order, refused)
    if order.status == "picked" or _take_lots(session, ledger, order, order.warehouse_id, ward_location):
        take_back_trays(order, trays)
        take_back(order, refusals)
        ledger.post([Move("delivery", line.lot_id, line.quantity, source, ward_location, day,  # type: ignore[arg-type]
                          client_id=line.client_id, delivery_order_id=order.id) for line in order.lines],
                    order.organisation_id)


def _load(session: Session, actor: Actor, order_id: int) -> DeliveryOrder:
    order = load_owned(session, DeliveryOrder, order_id, actor, "delivery order")
    session.refresh(order, ["lines"])  # loaded now: the order is shown after its session closed
    return order


def _take_lots(session: Session, ledger: Ledger, order: DeliveryOrder, source: int,
               destination: Destination) -> bool:
    """Give every tray its lots; False when no tray is left and the order was cancelled."""
    residents = _drop_unfit(session, order)
    if not order.lines:
        order.status = "cancelled"
        return False
    allowed = {client_id: allowed_for(session, client) for client_id, client in residents.items()}
    wants = [Want((line.dish_id, line.texture), line.quantity, max(filter(None, (line.use_by, order.delivery_date))),
                  f"line {line.id} (variant {line.variant_id})", allowed[line.client_id or 0]) for line in order.lines]
    taken = take(session, ledger, [source], destination, wants)
    variant_of = dict(session.execute(select(Lot.id, Lot.variant_id).where(
        Lot.id.in_({lot for picks in taken for _, lot, _ in picks}))).all())
    order.lines = [DeliveryOrderLine(variant_id=variant_of[lot_id], dish_id=line.dish_id,
                                     texture=line.texture, quantity=units, use_by=line.use_by, lot_id=lot_id,
                                     client_id=line.client_id, meal_moment=line.meal_moment, served_on=line.served_on)
                   for line, picks in zip(list(order.lines), taken, strict=True) for _, lot_id, units in picks]
    session.flush()
    return True


def _drop_unfit(session: Session, order: DeliveryOrder) -> dict[int, Client]:
    """Drop the trays of residents no longer on the ward, and dishes their record now
    excludes, with a note; the residents still served, by id."""
    residents = {c.id: c for c in session.scalars(select(Client).where(
        Client.id.in_({line.client_id for line in order.lines}), Client.ward_id == order.ward_id,
        Client.status == "active"))}
    variants = {v.id: v for v in session.scalars(select(DishVariant).where(
        DishVariant.id.in_({line.variant_id for line in order.lines})))}
    dropped = []
    for line in list(order.lines):
        resident = residents.get(line.client_id or 0)
        reason = "left the ward" if resident is None else reason_against(variants[line.variant_id], resident)
        if reason:
            order.lines.remove(line)
            dropped.append(f"{variants[line.variant_id].name} for client {line.client_id} dropped: {reason}")
    if dropped:
        order.note = "; ".join(filter(None, [order.note, *dropped]))[:2000]
    return residents


def _ward_location(session: Session, order: DeliveryOrder) -> int:
    """The ward's stock location, made on its first delivery."""
    ward = session.get_one(Ward, order.ward_id)
    location = session.scalar(select(Location).where(Location.ward_id == ward.id))
    if location is None:
        location = Location(organisation_id=order.organisation_id, kind="ward", ward_id=ward.id,
                            name=f"Afdeling {ward.name} (ward {ward.id})"[:120])
        session.add(location)
        session.flush()
    return location.id


def _audit(session: Session, actor: Actor, action: str, order: DeliveryOrder,
           detail: dict[str, str] | None = None) -> None:
    """One entry for the crate; a read of each resident on it."""
    audit.record(session, actor, action, RESOURCE, order.id, organisation_id=order.organisation_id,
                 detail={"ward_id": order.ward_id, **(detail or {})})
    audit.record_reads(session, actor, RESOURCE, {(line.client_id, order.organisation_id)
                                                  for line in order.lines if line.client_id})
