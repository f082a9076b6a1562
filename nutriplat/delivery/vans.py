"""Vans: a vehicle stock location (where picked stock rides) plus what routing needs:
payload, freezer and chilled space, shift and break, fixed cost per use, home depot."""
from __future__ import annotations

from datetime import time
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned, owned
from nutriplat.auth.actor import Actor
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.day_seconds import seconds_of
from nutriplat.delivery.models import Depot, Driver, Van
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.inventory.access import check_location, provider_of, scoped
from nutriplat.inventory.models import Location

VAN_FIELDS = ("depot_id", "driver_id", "capacity_kg", "freezer_l", "chilled_l", "shift_start", "shift_end",
              "break_earliest", "break_latest", "break_minutes", "fixed_cost_eur")


def van_view(van: Van, location: Location) -> dict[str, Any]:
    return {"id": van.location_id, "name": location.name, "capacity_l": location.capacity_l, "active": van.active,
            "more_breaks": more_breaks(van), **{key: getattr(van, key) for key in VAN_FIELDS}}


def more_breaks(van: Van) -> list[dict[str, Any]]:
    """The van's further breaks with their times read back (stored as ISO text in JSON)."""
    return [{"earliest": time.fromisoformat(b["earliest"]), "latest": time.fromisoformat(b["latest"]),
             "minutes": b["minutes"]} for b in van.more_breaks or []]


def _stored(data: dict[str, Any]) -> dict[str, Any]:
    if "more_breaks" in data:
        data["more_breaks"] = [{"earliest": b["earliest"].isoformat(), "latest": b["latest"].isoformat(),
                                "minutes": b["minutes"]} for b in data["more_breaks"]]
    return data


def list_vans(uow: UnitOfWork, actor: Actor, depot_id: int | None = None) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_vans")
    with uow:
        stmt = scoped(select(Van, Location).join(Location, Location.id == Van.location_id), Van.organisation_id, actor)
        if depot_id is not None:
            stmt = stmt.where(Van.depot_id == depot_id)
        return [van_view(van, loc) for van, loc in uow.session.execute(stmt.order_by(Location.name))]


def get_van(uow: UnitOfWork, actor: Actor, van_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_van")
    with uow:
        van = load_owned(uow.session, Van, van_id, actor, "van")
        return van_view(van, uow.session.get_one(Location, van_id))


def create_van(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    """A new vehicle location named ``name``, or routing attributes for an existing
    vehicle location (``location_id``)."""
    POLICY.check(actor, "create_van")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        location = check_location(session, actor, data.pop("location_id", None), errors, "location_id", ("vehicle",))
        name, capacity_l = data.pop("name", None), data.pop("capacity_l", None)
        if location is None and "location_id" not in errors.errors:
            if not name:
                errors.add("name", "Name the van (or give the location_id of a vehicle).")
            location = Location(organisation_id=organisation_id, kind="vehicle", name=name or "",
                                created_by=actor.user_id)
        if location is not None and location.id is not None and session.get(Van, location.id) is not None:
            raise Conflict(f"Location {location.id} is a van already.", {"location_id": ["Already a van."]})
        van = Van(organisation_id=organisation_id, updated_by=actor.user_id, **_stored(data))
        _check(session, actor, van, location, capacity_l, errors)
        errors.raise_if_any()
        assert location is not None
        location.capacity_l = capacity_l if capacity_l is not None else location.capacity_l
        session.add(location)
        _flush(uow)
        van.location_id = location.id
        session.add(van)
        _flush(uow)
        uow.commit()
        return van_view(van, location)


def update_van(uow: UnitOfWork, actor: Actor, van_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "update_van")
    with uow:
        session, errors = uow.session, ErrorCollector()
        van = load_owned(session, Van, van_id, actor, "van")
        location = session.get_one(Location, van_id)
        if "name" in data:
            location.name = data.pop("name")
        capacity_l = data.pop("capacity_l", location.capacity_l)
        for key, value in _stored(data).items():
            setattr(van, key, value)
        van.updated_by = actor.user_id
        _check(session, actor, van, location, capacity_l, errors)
        errors.raise_if_any()
        location.capacity_l = capacity_l
        _flush(uow)
        uow.commit()
        return van_view(van, location)


def retire_van(uow: UnitOfWork, actor: Actor, van_id: int) -> None:
    """Kept for past plans; no longer planned."""
    POLICY.check(actor, "retire_van")
    with uow:
        load_owned(uow.session, Van, van_id, actor, "van").active = False
        uow.commit()


def _check(session: Session, actor: Actor, van: Van, location: Location | None, capacity_l: float | None,
           errors: ErrorCollector) -> None:
    """Every rule of a van at once, on its values after the change."""
    if owned(session, Depot, van.depot_id, actor) is None:
        errors.add("depot_id", f"No depot {van.depot_id} (give the warehouse coordinates first).")
    if van.driver_id is not None:
        driver = owned(session, Driver, van.driver_id, actor)
        if driver is None or not driver.active:
            errors.add("driver_id", f"No active driver {van.driver_id}.")
    if van.shift_start >= van.shift_end:
        errors.add("shift_end", "Must be after shift_start.")
    if capacity_l is not None and van.freezer_l + van.chilled_l > capacity_l:
        errors.add("capacity_l", "Must hold the freezer and the chilled space together.")
    if van.break_minutes:
        if van.break_earliest is None or van.break_latest is None:
            errors.add("break_earliest", "A break needs break_earliest and break_latest.")
        elif not van.shift_start <= van.break_earliest <= van.break_latest < van.shift_end:
            errors.add("break_latest", "The break must start within the shift, earliest before latest.")
    _check_more_breaks(van, errors)


def _check_more_breaks(van: Van, errors: ErrorCollector) -> None:
    """Each further break starts within the shift, and the breaks follow one another: one
    may not start before the one before it can have ended (so they never overlap)."""
    extra = more_breaks(van)
    for n, b in enumerate(extra):
        if not van.shift_start <= b["earliest"] <= b["latest"] < van.shift_end:
            errors.add(f"more_breaks.{n}.latest", "The break must start within the shift, earliest before latest.")
    first = [(van.break_earliest, van.break_latest, van.break_minutes)] if van.break_minutes and \
        van.break_earliest and van.break_latest else []
    ordered = sorted([*first, *((b["earliest"], b["latest"], b["minutes"]) for b in extra)],
                     key=lambda b: b[0] or time.min)
    for (_, latest, minutes), (earliest, _, _) in pairwise(ordered):
        assert latest is not None and earliest is not None
        if seconds_of(earliest) < seconds_of(latest) + 60 * minutes:
            errors.add("more_breaks", "Breaks may not overlap: each starts once the one before it can have ended.")
            return


def _flush(uow: UnitOfWork) -> None:
    flush_or_conflict(uow.session, "A location with this name already exists.", {"name": ["Already in use."]})
