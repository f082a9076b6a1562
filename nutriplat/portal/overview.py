"""What the portal's pages show that no other area's use case answers as such: whom the
caller looks after, the week's approved meals as the person eats them (texture in words
and colour, allergens, reheating steps), and the next delivery with its cut-off. Every
read is audited; every write goes through the owning area's use case."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client, mandate_scopes, visible_clients
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.clock import business_today, local_now
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import ClientWindow, DeliveryOrder
from nutriplat.delivery.windows import window_view
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.inventory.skipped_days import skipped_days
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.portal.domain import meals
from nutriplat.portal.policy import POLICY


@dataclass(frozen=True)
class Person:
    client_id: int
    name: str
    scopes: tuple[str, ...]


def people(uow: UnitOfWork, actor: Actor) -> list[Person]:
    """The client themself, or the clients who mandated this caregiver (with the scopes)."""
    POLICY.check(actor, "overview")
    with uow:
        session = uow.session
        clients = list(session.scalars(visible_clients(session, actor).order_by(
            Client.family_name, Client.given_name, Client.id)))
        scopes: dict[int, set[str]] = {}
        if actor.role == roles.CAREGIVER:
            for m in session.scalars(select(CaregiverMandate).where(
                    CaregiverMandate.caregiver_id == actor.user_id, CaregiverMandate.withdrawn_at.is_(None))):
                scopes.setdefault(m.client_id, set()).update(m.scopes)
        found = [Person(c.id, f"{c.given_name} {c.family_name}",
                        tuple(sorted(scopes.get(c.id, ())) if actor.role == roles.CAREGIVER
                              else ("order", "record", "view"))) for c in clients]
        audit.record_reads(session, actor, "client", {(c.id, c.organisation_id) for c in clients})
        uow.commit()
        return found


def person(uow: UnitOfWork, actor: Actor, client_id: int) -> tuple[Client, tuple[str, ...]]:
    """The client a portal page is about, and what the caller may do for them (the client
    themself: everything; a caregiver: their mandate's scopes)."""
    POLICY.check(actor, "overview")
    with uow:
        client = load_client(uow.session, actor, client_id)
        scopes = tuple(sorted(mandate_scopes(uow.session, actor, client.id))) if actor.role == roles.CAREGIVER \
            else ("order", "record", "view")
        audit.record(uow.session, actor, "read", "client", client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return client, scopes


def week(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    """This week's approved plan, day by day and meal by meal (empty when none is approved)."""
    POLICY.check(actor, "overview")
    today = business_today()
    monday = today - timedelta(days=today.weekday())
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        plan = session.scalar(select(MealPlan).options(
            selectinload(MealPlan.days).selectinload(MealPlanDay.items).selectinload(MealPlanItem.variant))
            .where(MealPlan.client_id == client.id, MealPlan.week_start == monday, MealPlan.status == "approved")
            .order_by(MealPlan.revision.desc()).limit(1))
        days = [{"date": day.date, "is_today": day.date == today,
                 "meals": [_meal(item.slot, item.portions, item.variant) for item in day.items]}
                for day in (plan.days if plan else [])]
        audit.record(session, actor, "read", "portal_week", plan.id if plan else None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return {"client_id": client.id, "week_start": monday, "plan_id": plan.id if plan else None, "days": days}


def _meal(slot: str, portions: float, variant: DishVariant) -> dict[str, Any]:
    return {"slot": slot, "portions": portions, "variant_id": variant.id, "name": variant.name,
            "course": variant.course, "texture": meals.texture(variant.food_level, variant.drink_level),
            "allergens": list(variant.allergens or []),
            "reheating": meals.reheating(variant.storage_class, variant.regeneration)}


def next_delivery(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    """The next delivery day and window, the days still open for an extra order or a skip,
    and the orders planned for them."""
    POLICY.check(actor, "overview")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        schedule = session.get(DeliverySchedule, client.id)
        rule, now = rule_of(schedule) if schedule else None, local_now().replace(tzinfo=None)
        slots = [s.delivery_date for s in rule.slots(now, 14)][:4] if rule else []
        orders = list(session.scalars(select(DeliveryOrder).options(selectinload(DeliveryOrder.lines)).where(
            DeliveryOrder.client_id == client.id, DeliveryOrder.status.in_(("planned", "picked")),
            DeliveryOrder.delivery_date >= business_today()).order_by(DeliveryOrder.delivery_date)))
        skipped = skipped_days(session, [client.id], business_today()).get(client.id, frozenset())
        upcoming = sorted({*slots, *(o.delivery_date for o in orders)})
        days = [{"date": day, "open": rule is not None and rule.is_open(day, now),
                 "cutoff_at": rule.cutoff_at(day) if rule else None,
                 "meals": sum(line.quantity for o in orders if o.delivery_date == day for line in o.lines),
                 "planned": any(o.delivery_date == day and o.status == "planned" for o in orders),
                 "skipped": day in skipped}
                for day in upcoming[:4]]
        audit.record(session, actor, "read", "portal_deliveries", client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return {"client_id": client.id, "window": window_view(session, client.id, session.get(ClientWindow, client.id)),
                "has_schedule": schedule is not None, "days": days}


def orderable(uow: UnitOfWork, actor: Actor, client_id: int) -> list[dict[str, Any]]:
    """What an extra order offers: the current variants of the client's approved week."""
    POLICY.check(actor, "overview")
    today = business_today()
    with uow:
        client = load_client(uow.session, actor, client_id, scope="order")
        in_plan = select(MealPlanItem.variant_id).join(MealPlanDay, MealPlanDay.id == MealPlanItem.day_id).join(
            MealPlan, MealPlan.id == MealPlanDay.plan_id).where(
            MealPlan.client_id == client.id, MealPlan.status == "approved",
            MealPlan.week_start == today - timedelta(days=today.weekday()))
        variants = uow.session.scalars(select(DishVariant).where(
            DishVariant.id.in_(in_plan), DishVariant.retired_at.is_(None)).order_by(DishVariant.name))
        return [{"variant_id": v.id, "name": v.name} for v in variants]
