"""Lots and traceability: which lots a client received (who received a lot: ``recipients``)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.conflicts import conflicts
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import check_variant, provider_of, scoped
from nutriplat.inventory.models import Location, Lot, StockBalance, StockMove
from nutriplat.inventory.policy import POLICY
from nutriplat.pagination import page_of


def create_lot(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Lot:
    POLICY.check(actor, "create_lot")
    organisation_id = provider_of(actor)
    with uow:
        lot = new_lot(uow.session, actor, organisation_id, data, ErrorCollector(), raise_errors=True)
        uow.commit()
        return lot


def new_lot(session: Any, actor: Actor, organisation_id: int, data: dict[str, Any],
            errors: ErrorCollector, prefix: str = "", raise_errors: bool = False) -> Lot:
    """A lot of a variant (validated into ``errors`` under ``prefix``), or the existing
    one with the same supplier lot code when its dates agree (a second partial receipt)."""
    variant = check_variant(session, data.get("variant_id"), errors, f"{prefix}variant_id")
    if data["expiry_date"] < data["production_date"]:
        errors.add(f"{prefix}expiry_date", "Must not be before the production date.")
    supplier_id = data.get("supplier_id")
    if supplier_id is not None:
        supplier = session.get(Organisation, supplier_id)
        if supplier is None or supplier.type != "supplier":
            errors.add(f"{prefix}supplier_id", f"No supplier organisation {supplier_id}.")
    if raise_errors:
        errors.raise_if_any()
    if variant is None or errors.errors:
        return Lot()  # a stand-in: the caller raises the errors before writing anything
    existing = session.scalar(select(Lot).where(
        Lot.organisation_id == organisation_id, Lot.variant_id == variant.id,
        Lot.supplier_lot_code == data["supplier_lot_code"]))
    if existing is not None:
        if (existing.production_date, existing.expiry_date) != (data["production_date"], data["expiry_date"]):
            errors.add(f"{prefix}supplier_lot_code", f"Lot {existing.id} has this code with other dates "
                       f"(produced {existing.production_date}, expiring {existing.expiry_date}).")
        return existing
    lot = Lot(organisation_id=organisation_id, variant_id=variant.id, dish_id=variant.dish_id,
              texture=variant.texture, supplier_id=supplier_id, supplier_lot_code=data["supplier_lot_code"],
              production_date=data["production_date"], expiry_date=data["expiry_date"],
              created_by=actor.user_id)
    session.add(lot)
    with conflicts("The same lot was registered at the same moment; retry."), session.begin_nested():
        session.flush()
    return lot


def list_lots(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int | None
              ) -> tuple[list[dict[str, Any]], int]:
    POLICY.check(actor, "list_lots")
    with uow:
        stmt = scoped(select(Lot, DishVariant.name).join(DishVariant, DishVariant.id == Lot.variant_id),
                      Lot.organisation_id, actor)
        for key in ("variant_id", "dish_id"):
            if key in filters:
                stmt = stmt.where(getattr(Lot, key) == filters[key])
        if "expiring_before" in filters:
            stmt = stmt.where(Lot.expiry_date < filters["expiring_before"])
        rows, total = page_of(uow.session, stmt.order_by(Lot.expiry_date, Lot.id), page, page_size,
                               tuples=True)
        return [lot_view(lot, name) for lot, name in rows], total


def get_lot(uow: UnitOfWork, actor: Actor, lot_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_lot")
    with uow:
        lot = load_owned(uow.session, Lot, lot_id, actor, "lot")
        return lot_view(lot, uow.session.get(DishVariant, lot.variant_id).name)  # type: ignore[union-attr]


def lot_view(lot: Lot, name: str) -> dict[str, Any]:
    return {"id": lot.id, "variant_id": lot.variant_id, "dish_id": lot.dish_id, "texture": lot.texture,
            "name": name, "supplier_id": lot.supplier_id, "supplier_lot_code": lot.supplier_lot_code,
            "production_date": lot.production_date, "expiry_date": lot.expiry_date}


def client_lots(uow: UnitOfWork, actor: Actor, client_id: int) -> list[dict[str, Any]]:
    """The lots delivered to a client, newest delivery first."""
    POLICY.check(actor, "client_lots")
    with uow:
        client = load_client(uow.session, actor, client_id)
        rows = deliveries(uow.session, StockMove.client_id == client.id)
        lots = {lot.id: (lot, name) for lot, name in uow.session.execute(
            select(Lot, DishVariant.name).join(DishVariant, DishVariant.id == Lot.variant_id)
            .where(Lot.id.in_({r.lot_id for r in rows})))}
        at_home = dict(uow.session.execute(
            select(StockBalance.lot_id, func.sum(StockBalance.quantity))
            .join(Location, Location.id == StockBalance.location_id)
            .where(Location.client_id == client.id).group_by(StockBalance.lot_id)).all())
        result = [lot_view(*lots[r.lot_id]) | {
            "lot_id": r.lot_id, "delivered_on": r.moved_on, "quantity": r.quantity,
            "delivery_order_id": r.delivery_order_id, "at_home_now": at_home.get(r.lot_id, 0)}
            for r in sorted(rows, key=lambda r: (r.moved_on, -r.lot_id), reverse=True)]
        audit.record(uow.session, actor, "list", "client_lots", None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return result


def deliveries(session: Any, condition: Any) -> list[Any]:
    """Units delivered, per client, lot, day, order and destination: a home, or a ward's
    crate (``ward_id``; each of its moves names the resident whose tray it is)."""
    return session.execute(
        select(StockMove.client_id, StockMove.lot_id, StockMove.moved_on, StockMove.delivery_order_id,
               Location.ward_id, func.sum(StockMove.quantity).label("quantity"))
        .join(Location, Location.id == StockMove.to_location_id)
        .where(condition, StockMove.kind == "delivery")
        .group_by(StockMove.client_id, StockMove.lot_id, StockMove.moved_on, StockMove.delivery_order_id,
                  Location.ward_id)
        .order_by(StockMove.moved_on, StockMove.client_id, StockMove.lot_id)).all()
