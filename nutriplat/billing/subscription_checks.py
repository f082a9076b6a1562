"""The rules a subscription or a change must meet before anything is written: a priced
plan, a priced rental tariff, and one subscription at a time per client."""
from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nutriplat.access import owned
from nutriplat.auth.actor import Actor
from nutriplat.billing import plans
from nutriplat.periods import Month
from nutriplat.billing.models import Plan, Subscription
from nutriplat.clients.models import Client
from nutriplat.errors import Conflict, ErrorCollector


def check_plan(session: Session, errors: ErrorCollector, field: str, actor: Actor, client: Client,
                plan_id: int, day: date) -> None:
    plan = owned(session, Plan, plan_id, actor)
    # A platform admin owns every plan; the client's provider must still be the plan's.
    if plan is None or plan.organisation_id != client.organisation_id:
        errors.add(field, f"No plan {plan_id}.")
        return
    if plans.version_on(session, plan_id, Month.of(day).first) is None:
        errors.add(field, f"The plan has no price for {Month.of(day)}.")


def check_appliance(session: Session, errors: ErrorCollector, field: str, organisation_id: int,
                     code: str, day: date) -> None:
    tariff, price = plans.tariff_price_on(session, organisation_id, code, Month.of(day).first)
    if tariff is None or tariff.kind != "rental":
        errors.add(field, f"No rental tariff '{code}'.")
    elif price is None:
        errors.add(field, f"'{code}' has no price for {Month.of(day)}.")


def overlapping(session: Session, client_id: int, start: date,
                 ignore: int | None = None) -> Subscription | None:
    return session.scalar(select(Subscription).where(
        Subscription.client_id == client_id, Subscription.id != (ignore or 0),
        or_(Subscription.ends_on.is_(None), Subscription.ends_on > start)).limit(1))


def refuse_overlap(session: Session, client_id: int, start: date, ignore: int | None = None) -> None:
    other = overlapping(session, client_id, start, ignore)
    if other is not None:
        until = f"until {other.ends_on}" if other.ends_on else "open-ended"
        raise Conflict("The client already has a subscription in that period.", {"start_date": [
            f"Overlaps subscription {other.id} (from {other.start_date}, {until})."]})
