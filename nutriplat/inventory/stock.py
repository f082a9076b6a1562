"""Use cases of stock: record a move, correct a count, read stock and moves.

A move names a lot, or a product (``variant_id``) to be taken first-expiry-first-out.
Everything is validated before anything is written; the ledger then refuses (409) a move
that would make stock negative, and nothing of the request is kept."""
from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.inventory.access import (
    check_location, check_lot, check_variant, home_client, product_of, provider_of, scoped,
)
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot, StockBalance, StockMove
from nutriplat.inventory.picking import Want, take
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.suitability import allowed_for, reason_against
from nutriplat.inventory.vocabulary import MOVE_ROUTES
from nutriplat.pagination import page_of


def record_move(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> list[StockMove]:
    POLICY.check(actor, "record_move")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        kind, day = data["kind"], data.get("moved_on") or business_today()
        sources, targets = MOVE_ROUTES[kind]
        source = _side(session, actor, data.get("from_location_id"), sources, errors, "from_location_id")
        target = _side(session, actor, data.get("to_location_id"), targets, errors, "to_location_id")
        lot = check_lot(session, actor, data.get("lot_id"), errors)
        variant = check_variant(session, data.get("variant_id"), errors)
        if kind == "receipt" and lot is None and "lot_id" not in errors.errors:
            errors.add("lot_id", "A receipt names the lot it receives.")
        errors.raise_if_any()
        home = source if source is not None and source.kind == "home" else target
        client = home_client(session, actor, home) if home is not None and home.kind == "home" else None
        product = product_of(lot or variant)  # type: ignore[arg-type]
        if client is not None and kind == "delivery":
            _refuse_unsuitable(session, client, lot, variant)
            _refuse_wrong_appliance(session, target, lot, variant)  # type: ignore[arg-type]
        if kind == "consumption":
            _refuse_never_received(session, client, lot, product)  # type: ignore[arg-type]
        ledger = Ledger(session, actor.user_id)
        if lot is not None:
            picks = [(source.id if source else None, lot.id, data["quantity"])]
        else:
            # An expired unit is never taken by product; name the lot to move one.
            allowed = allowed_for(session, client) if kind == "delivery" and client else None
            wants = [Want(product, data["quantity"], day, variant.name, allowed)]  # type: ignore[union-attr]
            picks = take(session, ledger, [source.id], target.id if target else None, wants)[0]  # type: ignore[union-attr]
        moves = [Move(kind, lot_id, units, from_id, target.id if target else None, day,
                      client_id=client.id if client else None, reason=data.get("reason"))
                 for from_id, lot_id, units in picks]
        written = ledger.post(moves, organisation_id)
        if client is not None:
            audit.record(session, actor, "create", "stock_move", written[0].id, client.id,
                         detail={"kind": kind, "quantity": data["quantity"]},
                         organisation_id=client.organisation_id)
        uow.commit()
        return sorted(written, key=lambda m: m.id)


def correct_count(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    """A count that differs from the books becomes a correction move of the difference."""
    POLICY.check(actor, "correct_count")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        location = check_location(session, actor, data["location_id"], errors, "location_id")
        lot = check_lot(session, actor, data["lot_id"], errors)
        errors.raise_if_any()
        assert location is not None and lot is not None
        client = home_client(session, actor, location) if location.kind == "home" else None
        ledger = Ledger(session, actor.user_id)
        ledger.lock([(location.id, lot.id)])
        before = ledger.quantity((location.id, lot.id))
        difference = data["counted"] - before
        moves = [] if difference == 0 else [Move(
            "correction", lot.id, abs(difference), None if difference > 0 else location.id,
            location.id if difference > 0 else None, data.get("counted_on") or business_today(),
            client_id=client.id if client else None, reason=data.get("reason"))]
        written = ledger.post(moves, organisation_id)
        if client is not None:
            audit.record(session, actor, "create", "stock_count", location.id, client.id,
                         detail={"lot_id": lot.id, "difference": difference}, organisation_id=client.organisation_id)
        uow.commit()
        return {"location_id": location.id, "lot_id": lot.id, "before": before, "counted": data["counted"],
                "difference": difference, "move_id": written[0].id if written else None}


def stock_at(uow: UnitOfWork, actor: Actor, location_id: int | None, page: int, page_size: int | None
             ) -> tuple[list[dict[str, Any]], int]:
    """On hand per location and lot (one location, or every warehouse and vehicle)."""
    POLICY.check(actor, "stock_at")
    with uow:
        stmt = (select(StockBalance, Lot, DishVariant.name, Location.kind)
                .join(Lot, Lot.id == StockBalance.lot_id).join(DishVariant, DishVariant.id == Lot.variant_id)
                .join(Location, Location.id == StockBalance.location_id).where(StockBalance.quantity > 0))
        client = None
        if location_id is not None:
            location = load_owned(uow.session, Location, location_id, actor, "location")
            client = home_client(uow.session, actor, location) if location.kind == "home" else None
            stmt = stmt.where(StockBalance.location_id == location.id)
        else:
            stmt = scoped(stmt, Location.organisation_id, actor).where(Location.kind != "home")
        today = business_today()
        found, total = page_of(uow.session, stmt.order_by(StockBalance.location_id, Lot.expiry_date, Lot.id),
                               page, page_size, tuples=True)
        rows = [{"location_id": b.location_id, "lot_id": lot.id, "variant_id": lot.variant_id,
                 "dish_id": lot.dish_id, "texture": lot.texture, "name": name,
                 "expiry_date": lot.expiry_date, "expired": lot.expiry_date < today, "quantity": b.quantity}
                for b, lot, name, _kind in found]
        if client is not None:
            audit.record(uow.session, actor, "read", "home_stock", location_id, client.id,
                         organisation_id=client.organisation_id)
        uow.commit()
        return rows, total


def list_moves(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
               page_size: int) -> tuple[list[StockMove], int]:
    POLICY.check(actor, "list_moves")
    with uow:
        stmt = scoped(select(StockMove), StockMove.organisation_id, actor)
        if "location_id" in filters:
            load_owned(uow.session, Location, filters["location_id"], actor, "location")
            stmt = stmt.where(or_(StockMove.from_location_id == filters["location_id"],
                                  StockMove.to_location_id == filters["location_id"]))
        for key in ("lot_id", "kind", "client_id", "delivery_order_id"):
            if key in filters:
                stmt = stmt.where(getattr(StockMove, key) == filters[key])
        if "since" in filters:
            stmt = stmt.where(StockMove.moved_on >= filters["since"])
        if "until" in filters:
            stmt = stmt.where(StockMove.moved_on <= filters["until"])
        moves, total = page_of(uow.session, stmt.order_by(StockMove.id.desc()), page, page_size)
        people = {m.client_id for m in moves if m.client_id is not None}
        organisations = dict(uow.session.execute(
            select(Client.id, Client.organisation_id).where(Client.id.in_(people))).all())
        audit.record_reads(uow.session, actor, "stock_move", organisations.items())
        uow.commit()
        return moves, total


def _side(session: Session, actor: Actor, location_id: int | None, kinds: tuple[str, ...] | None,
          errors: ErrorCollector, field: str) -> Location | None:
    if kinds is None:
        if location_id is not None:
            errors.add(field, "This kind of move has no location on this side.")
        return None
    if location_id is None:
        errors.add(field, f"Required: a {' or a '.join(kinds)}.")
        return None
    return check_location(session, actor, location_id, errors, field, kinds)


def _refuse_unsuitable(session: Session, client: Client, lot: Lot | None, variant: DishVariant | None) -> None:
    row = session.get(DishVariant, lot.variant_id) if lot is not None else variant
    assert row is not None
    reason = reason_against(row, client)
    if reason is not None:
        raise Conflict(f"Client {client.id} may not be delivered {row.name}: {reason}.",
                       {"lot_id" if lot is not None else "variant_id": [reason]})


def _refuse_wrong_appliance(session: Session, home: Location, lot: Lot | None, variant: DishVariant | None) -> None:
    row = session.get(DishVariant, lot.variant_id) if lot is not None else variant
    assert row is not None
    if home.storage_class is not None and row.storage_class != home.storage_class:
        raise Conflict(f"{row.name} is kept {row.storage_class}; location {home.id} is a {home.appliance_type}.",
                       {"to_location_id": [f"Holds {home.storage_class} food only."]})


def _refuse_never_received(session: Session, client: Client, lot: Lot | None, product: tuple[int, str]) -> None:
    received = select(StockMove.id).join(Lot, Lot.id == StockMove.lot_id).where(
        StockMove.client_id == client.id, StockMove.kind == "delivery")
    if lot is not None:
        received = received.where(StockMove.lot_id == lot.id)
    else:
        received = received.where(Lot.dish_id == product[0], Lot.texture == product[1])
    if not session.scalar(select(exists(received))):
        what = f"lot {lot.id}" if lot is not None else "this product"
        raise Conflict(f"Client {client.id} never received {what}; nothing of it can be consumed.",
                       {"lot_id" if lot is not None else "variant_id": [f"Never delivered to client {client.id}."]})
