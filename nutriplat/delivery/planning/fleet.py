"""The fleet a plan is solved for, frozen on the plan (``RoutePlan.fleet``) so moves
and re-optimisations check against what was planned, and turned into routing values."""
from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.delivery.domain.day_seconds import seconds_of
from nutriplat.delivery.models import Depot, Driver, Van
from nutriplat.delivery.vans import more_breaks
from nutriplat.delivery.vocabulary import EUR_PER_KM
from nutriplat.inventory.models import Location
from routing import Break, Vehicle
from routing import Depot as RoutingDepot


def fleet_of(session: Session, depot: Depot) -> dict[str, Any]:
    """The depot and its active vans as plain JSON values; shifts within opening hours."""
    opens, closes = seconds_of(depot.opens_at), seconds_of(depot.closes_at)
    rows = session.execute(select(Van, Location).join(Location, Location.id == Van.location_id).where(
        Van.depot_id == depot.warehouse_id, Van.active, Location.active).order_by(Location.name)).all()
    drivers = {d.id: d for d in session.scalars(select(Driver).where(
        Driver.id.in_({van.driver_id for van, _ in rows}), Driver.active))}
    vans = []
    for van, location in rows:
        start, end = max(seconds_of(van.shift_start), opens), min(seconds_of(van.shift_end), closes)
        if start >= end:
            continue  # the shift falls outside the depot's opening hours
        breaks = [[seconds_of(van.break_earliest), seconds_of(van.break_latest), van.break_minutes * 60]
                  ] if van.break_minutes and van.break_earliest and van.break_latest else []
        breaks += sorted([seconds_of(b["earliest"]), seconds_of(b["latest"]), b["minutes"] * 60]
                         for b in more_breaks(van))
        vans.append({
            "van_id": van.location_id, "name": location.name,
            "driver_id": van.driver_id if van.driver_id in drivers else None,
            "capacity_litres": location.capacity_l, "capacity_kg": van.capacity_kg,
            "frozen_litres": van.freezer_l, "chilled_litres": van.chilled_l,
            "shift_start": start, "shift_end": end,
            "breaks": breaks, "fixed_cost": int(van.fixed_cost_eur / EUR_PER_KM * 1000)})
    return {"depot": {"id": f"depot {depot.warehouse_id}", "lat": depot.lat, "lon": depot.lon}, "vans": vans}


def routing_depot(fleet: dict[str, Any]) -> RoutingDepot:
    return RoutingDepot(**fleet["depot"])


def routing_vehicle(van: dict[str, Any]) -> Vehicle:
    """Routing names a van by its (unique) name, so the checker's sentences read well."""
    return Vehicle(
        id=van["name"], capacity_litres=math.inf if van["capacity_litres"] is None else van["capacity_litres"],
        capacity_kg=van["capacity_kg"], shift_start=van["shift_start"], shift_end=van["shift_end"],
        breaks=tuple(Break(*b) for b in van["breaks"]), fixed_cost=van["fixed_cost"],
        driver_id=None if van["driver_id"] is None else str(van["driver_id"]),
        frozen_litres=van["frozen_litres"], chilled_litres=van["chilled_litres"])
