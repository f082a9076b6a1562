"""Who may see which client: provider staff see their organisation's clients,
caregivers only the clients who mandated them and only within the mandate's scopes,
a client only themself (every scope: view, record, order), ward staff only the residents
of the wards they are assigned to, cofinancers never see a person."""
from __future__ import annotations

from typing import NoReturn, Protocol, TypeVar

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.errors import DomainError, Forbidden, NotFound
from nutriplat.facilities.access import assigned_ward_ids


class _OfClient(Protocol):
    """A row that belongs to one client (an alert, a screening)."""

    @property
    def client_id(self) -> int: ...


T = TypeVar("T", bound=_OfClient)

# An id outside a database integer names no client (and must not reach the query).
PG_INTEGER_MIN, PG_INTEGER_MAX = -(2**31), 2**31 - 1


def visible_clients(session: Session, actor: Actor, scope: str = "view") -> Select[Client]:
    stmt = select(Client)
    if actor.role == roles.CAREGIVER:
        # Scopes are a JSON list; filtering them in Python keeps this portable.
        mandates = session.scalars(select(CaregiverMandate).where(
            CaregiverMandate.caregiver_id == actor.user_id,
            CaregiverMandate.withdrawn_at.is_(None)))
        return stmt.where(Client.id.in_({m.client_id for m in mandates if scope in m.scopes}))
    if actor.role == roles.CLIENT:  # an account not (yet) tied to a record sees no one
        return stmt.where(Client.id == actor.client_id) if actor.client_id is not None else stmt.where(false())
    if actor.role == roles.WARD_STAFF:
        # The residents of their own wards, while they live there (only meal service reads them).
        return stmt.where(Client.ward_id.in_(assigned_ward_ids(actor)), Client.care_setting != "home")
    if actor.role not in roles.PROVIDER_STAFF:
        raise Forbidden("This role never sees a person.")
    if actor.is_platform_admin:
        return stmt
    return stmt.where(Client.organisation_id == actor.organisation_id)


def load_client(session: Session, actor: Actor, client_id: int, scope: str = "view") -> Client:
    """The client, if the actor may act on them in ``scope`` (view, record, order);
    otherwise 404 for someone they cannot see, 403 for a mandate without the scope.
    Either refusal is audited (``audit.record_refusal``)."""
    if actor.role == roles.CAREGIVER:
        scopes = mandate_scopes(session, actor, client_id)
        if not scopes:
            _refuse(session, actor, client_id, scope, NotFound(f"No client {client_id}."))
        if scope not in scopes:
            _refuse(session, actor, client_id, scope, Forbidden(f"Your mandate does not include '{scope}'."))
    if actor.role in roles.PROVIDER_STAFF and PG_INTEGER_MIN <= client_id <= PG_INTEGER_MAX:
        # By primary key: a page's use cases share one session (webapp.reads), and the
        # identity map answers all but the first without a round trip.
        client = session.get(Client, client_id)
        if client is not None and not (actor.is_platform_admin or client.organisation_id == actor.organisation_id):
            client = None  # the same rule as visible_clients for staff
    else:
        client = session.scalar(visible_clients(session, actor, scope).where(Client.id == client_id))
    if client is None:
        _refuse(session, actor, client_id, scope, NotFound(f"No client {client_id}."))
    return client


def load_client_row(session: Session, actor: Actor, model: type[T], id_: int, what: str,
                    scope: str = "view") -> tuple[T, Client]:
    """A row reached through its client (an alert, a screening) and that client, if the
    actor may see the client in ``scope``; otherwise "No <what> <id>." (404), the same for
    a missing row and for one the caller may not see (we do not reveal which)."""
    row = session.get(model, id_)
    if row is None:
        raise NotFound(f"No {what} {id_}.")
    try:
        return row, load_client(session, actor, row.client_id, scope)
    except NotFound:
        raise NotFound(f"No {what} {id_}.") from None


def _refuse(session: Session, actor: Actor, client_id: int, scope: str, error: DomainError) -> NoReturn:
    holder = session.scalar(select(Client.organisation_id).where(Client.id == client_id)) \
        if PG_INTEGER_MIN <= client_id <= PG_INTEGER_MAX else None
    audit.record_refusal(session, actor, "client", client_id, error.status, scope, holder)
    raise error


def mandate_scopes(session: Session, actor: Actor, client_id: int) -> set[str]:
    mandates = session.scalars(select(CaregiverMandate).where(
        CaregiverMandate.client_id == client_id,
        CaregiverMandate.caregiver_id == actor.user_id,
        CaregiverMandate.withdrawn_at.is_(None),
    ))
    return {scope for mandate in mandates for scope in mandate.scopes}
