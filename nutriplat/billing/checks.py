"""What billing's services share: the provider whose books they keep, month rules,
and the organisations that take part (cofinancers, referrers, the fund)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.periods import Month
from nutriplat.billing.models import Invoice
from nutriplat.errors import Conflict, ErrorCollector, Forbidden


def provider_of(actor: Actor) -> int:
    """Billing data belongs to a provider organisation: the caller's."""
    if actor.organisation_id is None:
        raise Forbidden("Billing belongs to a provider organisation; you have none.")
    return actor.organisation_id


def check_first_of_month(errors: ErrorCollector, field: str, day: date | None) -> None:
    if day is not None and day.day != 1:
        errors.add(field, "Must be the first day of a month: prices and rates apply to whole months.")


def last_invoiced_month(session: Session, organisation_id: int, client_id: int | None = None) -> Month | None:
    stmt = select(func.max(Invoice.month)).where(
        Invoice.organisation_id == organisation_id, Invoice.document_type == "invoice")
    if client_id is not None:
        stmt = stmt.where(Invoice.payer_client_id == client_id)
    latest = session.scalar(stmt)
    return Month.parse(latest) if latest else None


def refuse_invoiced(session: Session, organisation_id: int, field: str, day: date,
                    client_id: int | None = None) -> None:
    """A change may only reach months not invoiced yet: a sent invoice is never
    edited, and a price change applies to new periods only."""
    latest = last_invoiced_month(session, organisation_id, client_id)
    if latest is not None and Month.of(day) <= latest:
        raise Conflict(f"{latest} is already invoiced; changes apply from {latest.next().first} on.",
                       {field: [f"Must be on or after {latest.next().first}."]})


def check_organisation(session: Session, errors: ErrorCollector, field: str,
                       organisation_id: int | None, type_: str) -> Organisation | None:
    if organisation_id is None:
        return None
    organisation = session.get(Organisation, organisation_id)
    if organisation is None or organisation.type != type_:
        errors.add(field, f"No {type_} organisation with this id.")
        return None
    return organisation


def check_period(errors: ErrorCollector, valid_from: date, valid_until: date | None,
                 field: str = "valid_until") -> None:
    if valid_until is not None and valid_until < valid_from:
        errors.add(field, "Must not be before valid_from.")
