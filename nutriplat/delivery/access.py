"""Finding the area's rows by id within the caller's organisation."""
from __future__ import annotations

from sqlalchemy.orm import Session

from nutriplat.access import load_owned, owned
from nutriplat.auth.actor import Actor
from nutriplat.delivery.models import Depot, Driver, RoutePlan, Van
from nutriplat.errors import NotFound
from nutriplat.inventory.models import Location


def depot_or_404(session: Session, actor: Actor, warehouse_id: int) -> Depot:
    return load_owned(session, Depot, warehouse_id, actor, "depot")


def van_or_404(session: Session, actor: Actor, van_id: int) -> Van:
    return load_owned(session, Van, van_id, actor, "van")


def driver_or_404(session: Session, actor: Actor, driver_id: int) -> Driver:
    return load_owned(session, Driver, driver_id, actor, "driver")


def plan_or_404(session: Session, actor: Actor, plan_id: int) -> RoutePlan:
    return load_owned(session, RoutePlan, plan_id, actor, "route plan")


def warehouse_or_404(session: Session, actor: Actor, warehouse_id: int) -> Location:
    location = owned(session, Location, warehouse_id, actor)
    if location is None or location.kind != "warehouse":
        raise NotFound(f"No warehouse {warehouse_id}.")
    return location
