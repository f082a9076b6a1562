"""Use cases of a facility's structure as the provider keeps it: sites, wards, rooms, and
the ward staff assigned to each ward. Only the provider's admin changes them (audited)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, Forbidden
from nutriplat.facilities.access import check_facility, kept_by_caller, load_ward, visible_wards
from nutriplat.facilities.models import Room, Site, Ward, WardStaff
from nutriplat.facilities.policy import POLICY


def provider_of(actor: Actor) -> int:
    if actor.organisation_id is None:
        raise Forbidden("A facility is described by the provider that serves it; you have none.")
    return actor.organisation_id


def create_site(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Site:
    POLICY.check(actor, "create_site")
    organisation_id = provider_of(actor)
    with uow:
        errors = ErrorCollector()
        check_facility(uow.session, data["facility_id"], errors)
        errors.raise_if_any()
        site = Site(organisation_id=organisation_id, created_by=actor.user_id, **data)
        return add_audited(uow, actor, site, "facility_site")


def list_sites(uow: UnitOfWork, actor: Actor) -> list[Site]:
    POLICY.check(actor, "list_sites")
    with uow:
        return list(uow.session.scalars(kept_by_caller(Site, actor).order_by(Site.name, Site.id)))


def create_ward(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Ward:
    POLICY.check(actor, "create_ward")
    provider_of(actor)
    with uow:
        site = load_owned(uow.session, Site, data["site_id"], actor, "site")
        ward = Ward(organisation_id=site.organisation_id, facility_id=site.facility_id,
                    created_by=actor.user_id, **data)
        return add_audited(uow, actor, ward, "ward",
                           conflict=f"Site {site.id} has a ward named '{data['name']}' already.")


def list_wards(uow: UnitOfWork, actor: Actor, facility_id: int | None = None) -> list[Ward]:
    POLICY.check(actor, "list_wards")
    with uow:
        stmt = visible_wards(actor)
        if facility_id is not None:
            stmt = stmt.where(Ward.facility_id == facility_id)
        return list(uow.session.scalars(stmt.order_by(Ward.name, Ward.id)))


def get_ward(uow: UnitOfWork, actor: Actor, ward_id: int) -> Ward:
    POLICY.check(actor, "get_ward")
    with uow:
        return load_ward(uow.session, actor, ward_id)


def add_room(uow: UnitOfWork, actor: Actor, ward_id: int, data: dict[str, Any]) -> Room:
    POLICY.check(actor, "add_room")
    with uow:
        ward = load_ward(uow.session, actor, ward_id)
        return add_audited(uow, actor, Room(ward_id=ward.id, **data), "ward_room",
                    conflict=f"Ward {ward.id} has a room '{data['number']}' already.")


def assign_ward_staff(uow: UnitOfWork, actor: Actor, ward_id: int, data: dict[str, Any]) -> WardStaff:
    POLICY.check(actor, "assign_ward_staff")
    with uow:
        ward = load_ward(uow.session, actor, ward_id)
        user = uow.session.get(User, data["user_id"])
        errors = ErrorCollector()
        if user is None or user.role != roles.WARD_STAFF or user.organisation_id != ward.facility_id:
            errors.add("user_id", f"No ward staff user {data['user_id']} of this ward's facility.")
        errors.raise_if_any()
        return add_audited(uow, actor, WardStaff(ward_id=ward.id, user_id=data["user_id"],
                                                 assigned_by=actor.user_id), "ward_staff",
                           conflict=f"User {data['user_id']} is assigned to ward {ward.id} already.")


def list_ward_staff(uow: UnitOfWork, actor: Actor, ward_id: int) -> list[WardStaff]:
    POLICY.check(actor, "assign_ward_staff")
    with uow:
        ward = load_ward(uow.session, actor, ward_id)
        return list(uow.session.scalars(select(WardStaff).where(WardStaff.ward_id == ward.id).order_by(WardStaff.id)))


def add_audited(uow: UnitOfWork, actor: Actor, row: Any, resource: str, conflict: str | None = None,
                event: Callable[[Any], Any] | None = None) -> Any:
    """Add ``row``, audited; ``event(row)``, when given, is the domain event its creation raises."""
    uow.session.add(row)
    flush_or_conflict(uow.session, conflict)
    uow.session.refresh(row)  # with its relationships, read after the session closes
    audit.record(uow.session, actor, "create", resource, row.id)
    if event is not None:
        uow.record(event(row))
    uow.commit(conflict=conflict)
    return row
