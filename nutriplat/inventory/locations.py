"""Use cases of locations (warehouses, vehicles, home appliances) and of clients'
delivery schedules. A home location and a schedule are about a person: audited."""
from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import local_now
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, NotFound
from nutriplat.inventory.access import check_location, home_client, provider_of, scoped
from nutriplat.inventory.domain.schedule import WEEKDAYS
from nutriplat.inventory.domain.schedule import DeliverySchedule as Rule
from nutriplat.inventory.models import DeliverySchedule, Location
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.skipped_days import skipped_days
from nutriplat.inventory.vocabulary import APPLIANCE_FOR_STORAGE

DEFAULT_CUTOFF = time(14, 0)


def list_locations(uow: UnitOfWork, actor: Actor, filters: dict[str, Any]) -> list[Location]:
    POLICY.check(actor, "list_locations")
    with uow:
        stmt = scoped(select(Location), Location.organisation_id, actor)
        for key in ("kind", "client_id"):
            if key in filters:
                stmt = stmt.where(getattr(Location, key) == filters[key])
        locations = list(uow.session.scalars(stmt.order_by(Location.kind, Location.name, Location.id)))
        homes = {(loc.client_id, loc.organisation_id) for loc in locations if loc.client_id is not None}
        audit.record_reads(uow.session, actor, "home_location", homes)
        uow.commit()
        return locations


def create_location(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Location:
    POLICY.check(actor, "create_location")
    organisation_id = provider_of(actor)
    with uow:
        errors, client = ErrorCollector(), None
        if data["kind"] == "home":
            client = load_client(uow.session, actor, data["client_id"])
            expected = APPLIANCE_FOR_STORAGE[data["storage_class"]]
            if data["appliance_type"] != expected:
                errors.add("appliance_type", f"{data['storage_class'].capitalize()} food is kept in a {expected}.")
        errors.raise_if_any()
        location = Location(organisation_id=organisation_id, created_by=actor.user_id, **data)
        uow.session.add(location)
        flush_or_conflict(uow.session, "A location with this name (or this client's appliance for this "
                            "storage class) already exists.")
        if client is not None:
            audit.record(uow.session, actor, "create", "home_location", location.id, client.id,
                         organisation_id=client.organisation_id)
        uow.commit()
        return location


def get_location(uow: UnitOfWork, actor: Actor, location_id: int) -> Location:
    POLICY.check(actor, "get_location")
    with uow:
        location = load_owned(uow.session, Location, location_id, actor, "location")
        _audit(uow.session, actor, location, "read")
        uow.commit()
        return location


def update_location(uow: UnitOfWork, actor: Actor, location_id: int, data: dict[str, Any]) -> Location:
    POLICY.check(actor, "update_location")
    with uow:
        location = load_owned(uow.session, Location, location_id, actor, "location")
        for key, value in data.items():
            setattr(location, key, value)
        flush_or_conflict(uow.session, "Another location has this name.")
        _audit(uow.session, actor, location, "update")
        uow.commit()
        return location


def get_schedule(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_schedule")
    with uow:
        client = load_client(uow.session, actor, client_id)
        schedule = uow.session.get(DeliverySchedule, client.id)
        if schedule is None:
            raise NotFound(f"Client {client_id} has no delivery schedule yet.")
        audit.record(uow.session, actor, "read", "delivery_schedule", client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return view(uow.session, schedule)


def put_schedule(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "put_schedule")
    with uow:
        client = load_client(uow.session, actor, client_id)
        errors = ErrorCollector()
        check_location(uow.session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        errors.raise_if_any()
        schedule = uow.session.get(DeliverySchedule, client.id) or DeliverySchedule(client_id=client.id)
        schedule.weekdays = sorted(data["weekdays"], key=WEEKDAYS.index)
        schedule.lead_time_days = data["lead_time_days"]
        schedule.cutoff_time = data.get("cutoff_time") or DEFAULT_CUTOFF
        schedule.warehouse_id = data["warehouse_id"]
        schedule.updated_by = actor.user_id
        uow.session.add(schedule)
        uow.session.flush()
        audit.record(uow.session, actor, "update", "delivery_schedule", client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return view(uow.session, schedule)


def rule_of(schedule: DeliverySchedule) -> Rule:
    return Rule(frozenset(WEEKDAYS.index(day) for day in schedule.weekdays), schedule.lead_time_days,
                schedule.cutoff_time)


def view(session: Session, schedule: DeliverySchedule) -> dict[str, Any]:
    """The schedule with its next four delivery days; a day the client skipped is not one."""
    now = local_now().replace(tzinfo=None)
    skipped = skipped_days(session, [schedule.client_id], now.date()).get(schedule.client_id, frozenset())
    upcoming = [slot.delivery_date for slot in rule_of(schedule).slots(now, 14)
                if slot.delivery_date not in skipped][:4]
    return {"client_id": schedule.client_id, "weekdays": schedule.weekdays,
            "lead_time_days": schedule.lead_time_days, "cutoff_time": schedule.cutoff_time,
            "warehouse_id": schedule.warehouse_id, "next_deliveries": upcoming,
            "updated_at": schedule.updated_at}


def _audit(session: Session, actor: Actor, location: Location, action: str) -> None:
    if location.client_id is not None:
        client = home_client(session, actor, location)
        assert client is not None
        audit.record(session, actor, action, "home_location", location.id, client.id,
                     organisation_id=client.organisation_id)

