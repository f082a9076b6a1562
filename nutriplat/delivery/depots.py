"""Depots: a warehouse given coordinates and opening hours, so vans can start there."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.access import warehouse_or_404
from nutriplat.delivery.models import Depot
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.vocabulary import DEFAULT_DEPOT_HOURS
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import scoped
from nutriplat.inventory.models import Location


def depot_view(depot: Depot, warehouse: Location) -> dict[str, Any]:
    return {"warehouse_id": depot.warehouse_id, "name": warehouse.name, "lat": depot.lat, "lon": depot.lon,
            "opens_at": depot.opens_at, "closes_at": depot.closes_at}


def list_depots(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_depots")
    with uow:
        rows = uow.session.execute(scoped(select(Depot, Location).join(Location, Location.id == Depot.warehouse_id),
                                          Depot.organisation_id, actor).order_by(Location.name)).all()
        return [depot_view(depot, warehouse) for depot, warehouse in rows]


def get_depot(uow: UnitOfWork, actor: Actor, warehouse_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_depot")
    with uow:
        depot = load_owned(uow.session, Depot, warehouse_id, actor, "depot")
        return depot_view(depot, warehouse_or_404(uow.session, actor, warehouse_id))


def put_depot(uow: UnitOfWork, actor: Actor, warehouse_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Create or replace the depot of a warehouse of the caller's organisation."""
    POLICY.check(actor, "put_depot")
    with uow:
        session = uow.session
        warehouse = warehouse_or_404(session, actor, warehouse_id)
        opens, closes = data.get("opens_at", DEFAULT_DEPOT_HOURS[0]), data.get("closes_at", DEFAULT_DEPOT_HOURS[1])
        errors = ErrorCollector()
        if opens >= closes:
            errors.add("closes_at", "Must be after opens_at.")
        errors.raise_if_any()
        depot = session.get(Depot, warehouse_id) or Depot(warehouse_id=warehouse_id,
                                                          organisation_id=warehouse.organisation_id)
        depot.lat, depot.lon, depot.opens_at, depot.closes_at = data["lat"], data["lon"], opens, closes
        depot.updated_by = actor.user_id
        session.add(depot)
        uow.commit()
        return depot_view(depot, warehouse)
