"""Subscribe a client to a plan, schedule changes (pause, resume, plan change, rental,
cancellation), withdraw a change not yet in force. One subscription at a time per client,
and nothing may reach a month already invoiced."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.billing import subscription_checks as checks
from nutriplat.billing.checks import refuse_invoiced
from nutriplat.billing.domain import timeline
from nutriplat.billing.models import Subscription, SubscriptionChange
from nutriplat.billing.policy import POLICY
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, NotFound

RESOURCE = "subscription"


@dataclass(frozen=True)
class SubscriptionView:
    subscription: Subscription
    status: str  # today: scheduled, active, paused or cancelled
    plan_id: int  # today's plan
    rentals: dict[str, int]  # today's appliances


def spans_of(subscription: Subscription, extra: list[timeline.Change] | None = None,
             without: int | None = None) -> list[timeline.Span]:
    changes = [timeline.Change(c.effective_on, c.kind, c.plan_id, c.appliance, c.quantity)
               for c in subscription.changes if without is None or c.id != without]
    return timeline.replay(subscription.start_date, subscription.plan_id, changes + (extra or []))


def view(subscription: Subscription, today: date) -> SubscriptionView:
    spans = spans_of(subscription)
    status = timeline.status_on(spans, today)
    started = [s for s in spans if s.start <= today]
    plan_id = started[-1].plan_id if started else subscription.plan_id
    in_force = status in (timeline.ACTIVE, timeline.PAUSED)
    return SubscriptionView(subscription, status, plan_id, dict(started[-1].rentals) if in_force else {})


def latest_started(session: Session, client_id: int, day: date) -> Subscription | None:
    """The client's subscription started last on or before ``day`` (what an event on that day changes)."""
    return session.scalar(select(Subscription).where(
        Subscription.client_id == client_id, Subscription.start_date <= day,
    ).order_by(Subscription.start_date.desc()).limit(1))


def _record(session: Session, actor: Actor, action: str, subscription: Subscription,
            client: Client, detail: dict[str, Any] | None = None) -> None:
    session.flush()
    audit.record(session, actor, action, RESOURCE, subscription.id, client.id, detail=detail,
                 organisation_id=client.organisation_id)


def list_subscriptions(uow: UnitOfWork, actor: Actor, client_id: int) -> list[SubscriptionView]:
    POLICY.check(actor, "list_subscriptions")
    with uow:
        client = load_client(uow.session, actor, client_id, scope="order")
        rows = uow.session.scalars(select(Subscription).where(
            Subscription.client_id == client.id).order_by(Subscription.start_date))
        views = [view(s, business_today()) for s in rows]
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return views


def create_subscription(uow: UnitOfWork, actor: Actor, client_id: int,
                        data: dict[str, Any]) -> SubscriptionView:
    POLICY.check(actor, "create_subscription")
    with uow:
        client = load_client(uow.session, actor, client_id)
        start, errors = data["start_date"], ErrorCollector()
        checks.check_plan(uow.session, errors, "plan_id", actor, client, data["plan_id"], start)
        for i, rental in enumerate(data.get("rentals") or []):
            checks.check_appliance(uow.session, errors, f"rentals.{i}.appliance", client.organisation_id,
                             rental["appliance"], start)
        errors.raise_if_any()
        refuse_invoiced(uow.session, client.organisation_id, "start_date", start, client.id)
        checks.refuse_overlap(uow.session, client.id, start)
        subscription = Subscription(organisation_id=client.organisation_id, client_id=client.id,
                                    plan_id=data["plan_id"], start_date=start, created_by=actor.user_id)
        subscription.changes = [SubscriptionChange(
            effective_on=start, kind="set_rental", appliance=r["appliance"], quantity=r["quantity"],
            reason="rented from the start", recorded_by=actor.user_id) for r in data.get("rentals") or []]
        uow.session.add(subscription)
        _record(uow.session, actor, "create", subscription, client)
        uow.commit()
        return view(subscription, business_today())


def _load(session: Session, actor: Actor, subscription_id: int) -> tuple[Subscription, Client]:
    """A client's row: visible when its client is (``load_client``), else "No subscription"."""
    subscription = session.get(Subscription, subscription_id)
    if subscription is None:
        raise NotFound(f"No subscription {subscription_id}.")
    try:
        return subscription, load_client(session, actor, subscription.client_id)
    except NotFound:
        raise NotFound(f"No subscription {subscription_id}.") from None


def _replayed(subscription: Subscription, **kwargs: Any) -> list[timeline.Span]:
    try:
        return spans_of(subscription, **kwargs)
    except timeline.TimelineError as error:
        raise Conflict(error.message, {error.field: [error.message]}) from error


def change_subscription(uow: UnitOfWork, actor: Actor, subscription_id: int,
                        data: dict[str, Any]) -> SubscriptionView:
    POLICY.check(actor, "change_subscription")
    with uow:
        subscription, client = _load(uow.session, actor, subscription_id)
        on, kind, errors = data["effective_on"], data["kind"], ErrorCollector()
        if kind == "change_plan":
            checks.check_plan(uow.session, errors, "plan_id", actor, client, data.get("plan_id") or 0, on)
        if kind == "set_rental":
            if data.get("quantity") is None:
                errors.add("quantity", "Required for a rental change.")
            checks.check_appliance(uow.session, errors, "appliance", client.organisation_id,
                             data.get("appliance") or "", on)
        errors.raise_if_any()
        refuse_invoiced(uow.session, client.organisation_id, "effective_on", on, client.id)
        change = SubscriptionChange(recorded_by=actor.user_id, **data)
        spans = _replayed(subscription, extra=[timeline.Change(
            on, kind, data.get("plan_id"), data.get("appliance"), data.get("quantity"))])
        subscription.changes.append(change)
        subscription.ends_on = timeline.ends_on(spans)
        _record(uow.session, actor, "update", subscription, client, {"change": kind, "effective_on": str(on)})
        uow.commit()
        return view(subscription, business_today())


def withdraw_change(uow: UnitOfWork, actor: Actor, subscription_id: int, change_id: int) -> SubscriptionView:
    POLICY.check(actor, "withdraw_change")
    with uow:
        subscription, client = _load(uow.session, actor, subscription_id)
        change = next((c for c in subscription.changes if c.id == change_id), None)
        if change is None:
            raise NotFound(f"No change {change_id} on subscription {subscription_id}.")
        if change.effective_on <= business_today():
            raise Conflict("Only a scheduled change (not yet in force) can be withdrawn.",
                           {"change_id": [f"In force since {change.effective_on}."]})
        spans = _replayed(subscription, without=change_id)
        if timeline.ends_on(spans) is None:
            checks.refuse_overlap(uow.session, client.id, subscription.start_date, ignore=subscription.id)
        subscription.changes.remove(change)
        subscription.ends_on = timeline.ends_on(spans)
        _record(uow.session, actor, "update", subscription, client, {"withdrawn_change": change_id})
        uow.commit()
        return view(subscription, business_today())
