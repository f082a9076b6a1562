"""Which wards a caller sees: the provider's staff the wards their organisation keeps,
ward staff only the wards they are assigned to; another's ward is "No ward N." (404)."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.errors import ErrorCollector, NotFound
from nutriplat.facilities.models import ServiceAgreement, Site, Ward, WardStaff

T = TypeVar("T", Site, Ward, ServiceAgreement)


def kept_by_caller(model: type[T], actor: Actor) -> Select[T]:
    """The rows the caller's provider keeps (a platform administrator: every provider's)."""
    stmt = select(model)
    return stmt if actor.is_platform_admin else stmt.where(model.organisation_id == actor.organisation_id)


def assigned_ward_ids(actor: Actor) -> Select[int]:
    """The wards a ward staff user is assigned to, as a subquery."""
    return select(WardStaff.ward_id).where(WardStaff.user_id == actor.user_id)


def visible_wards(actor: Actor) -> Select[Ward]:
    if actor.role == roles.WARD_STAFF:
        return select(Ward).where(Ward.id.in_(assigned_ward_ids(actor)))
    return kept_by_caller(Ward, actor)


def load_ward(session: Session, actor: Actor, ward_id: int) -> Ward:
    if actor.role != roles.WARD_STAFF:
        return load_owned(session, Ward, ward_id, actor, "ward")
    ward = session.scalar(visible_wards(actor).where(Ward.id == ward_id))
    if ward is None:
        raise NotFound(f"No ward {ward_id}.")
    return ward


def check_facility(session: Session, facility_id: int, errors: ErrorCollector, field: str = "facility_id") -> None:
    """A facility is an organisation of type care_facility."""
    facility = session.get(Organisation, facility_id)
    if facility is None or facility.type != "care_facility":
        errors.add(field, f"No care facility {facility_id}.")
