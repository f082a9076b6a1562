"""Use cases of the catalogue. A catalogue holds no personal data, so only proposals and
decisions are audited (``catalogue.approvals``); every variant row records who made it, and
rows are never changed in place. Only the admins of a dish's owner change it."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, cast, func, not_, or_, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth import roles
from nutriplat.auth.actor import Actor
from nutriplat.catalogue import approvals, ownership
from nutriplat.catalogue import rules as variant_rules
from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.catalogue.policy import POLICY
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, Forbidden, NotFound
from nutriplat.pagination import page_of


def add_dish(session: Session, actor: Actor, data: dict[str, Any]) -> Dish:
    """Validate and add a dish to the actor's catalogue; the demo loader uses it too (as
    the system, whose variants apply at once). A person's variants wait for approval."""
    data = dict(data, keywords=data.get("keywords") or [])
    bodies = data.pop("variants", None) or []
    errors = ErrorCollector()
    data["course"] = variant_rules.check_course(data["kind"], data.get("course"), errors)
    for i, body in enumerate(bodies):
        variant_rules.check_variant(data["kind"], body, errors, f"variants.{i}.")
    variant_rules.check_distinct_textures(bodies, errors)
    errors.raise_if_any()
    _name_is_free(session, data["name"])
    dish = Dish(created_by=actor.user_id, owner_organisation_id=ownership.owner_for(actor), **data)
    if not ownership.is_person(actor):
        for body in bodies:
            variant_rules.new_variant(dish, body, actor)
    session.add(dish)
    flush_or_conflict(session, "A dish with this name already exists.")
    for body in bodies if ownership.is_person(actor) else ():
        approvals.propose(session, actor, dish, "add_variant", None, body)
    return dish


def create_dish(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Dish:
    POLICY.check(actor, "create_dish")
    if actor.role != roles.ADMIN:
        raise Forbidden("Only admins change the catalogue.")
    with uow:
        dish = add_dish(uow.session, actor, data)
        dish.variants, dish.pending_changes  # noqa: B018  (loaded for the response before the session closes)
        uow.commit()
        return dish


def get_dish(uow: UnitOfWork, actor: Actor, dish_id: int) -> Dish:
    POLICY.check(actor, "get_dish")
    with uow:
        return _dish(uow.session, dish_id)


def list_dishes(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int
                ) -> tuple[list[Dish], int]:
    POLICY.check(actor, "list_dishes")
    with uow:
        return page_of(uow.session, _query(filters), page, page_size)


def update_dish(uow: UnitOfWork, actor: Actor, dish_id: int, data: dict[str, Any]) -> Dish:
    POLICY.check(actor, "update_dish")
    with uow:
        dish = _dish(uow.session, dish_id)
        ownership.check_writer(actor, dish)
        if "name" in data and data["name"].lower() != dish.name.lower():
            _name_is_free(uow.session, data["name"])
        for key, value in data.items():
            setattr(dish, key, [] if value is None and key == "keywords" else value)
        flush_or_conflict(uow.session, "A dish with this name already exists.")
        uow.commit()
        return dish


def withdraw_dish(uow: UnitOfWork, actor: Actor, dish_id: int) -> Dish:
    """Off the menu: no new plan will use it; plans that did keep their variants."""
    POLICY.check(actor, "withdraw_dish")
    with uow:
        dish = _dish(uow.session, dish_id)
        ownership.check_writer(actor, dish)
        if dish.withdrawn_at is not None:
            raise Conflict("The dish is already withdrawn.")
        dish.withdrawn_at = utcnow()
        for variant in dish.current_variants:
            variant.retired_at = dish.withdrawn_at
        uow.commit()
        return dish


def _dish(session: Session, dish_id: int) -> Dish:
    dish = session.scalar(select(Dish).where(Dish.id == dish_id).options(
        selectinload(Dish.variants), selectinload(Dish.pending_changes)))
    if dish is None:
        raise NotFound(f"No dish {dish_id}.")
    return dish


def _name_is_free(session: Session, name: str) -> None:
    if session.scalar(select(Dish.id).where(func.lower(Dish.name) == name.lower())) is not None:
        raise Conflict("A dish with this name already exists.", {"name": ["Already in use."]})


def _query(filters: dict[str, Any]) -> Select[tuple[Dish]]:
    stmt = select(Dish).options(selectinload(Dish.variants), selectinload(Dish.pending_changes)
                                ).order_by(Dish.name, Dish.id)
    if not filters.get("include_withdrawn"):
        stmt = stmt.where(Dish.withdrawn_at.is_(None))
    if term := filters.get("search"):
        pattern = f"%{term.lower()}%"
        stmt = stmt.where(or_(func.lower(Dish.name).like(pattern), func.lower(Dish.description).like(pattern)))
    for key in ("kind", "course"):
        if key in filters:
            stmt = stmt.where(getattr(Dish, key) == filters[key])
    if conditions := _variant_conditions(filters):
        stmt = stmt.where(Dish.id.in_(select(DishVariant.dish_id).where(
            DishVariant.retired_at.is_(None), *conditions)))
    return stmt


def _variant_conditions(filters: dict[str, Any]) -> list[Any]:
    """Dishes with at least one current variant that has the texture, suits the slot and
    is free of the allergens. Lists are JSON text: a quoted identifier matches exactly."""
    conditions: list[Any] = [DishVariant.texture == f"{axis}:{filters[f'{axis}_level']}"
                             for axis in ("food", "drink") if f"{axis}_level" in filters]
    if slot := filters.get("slot"):
        conditions.append(cast(DishVariant.slots, String).like(f'%"{slot}"%'))
    for allergen in filters.get("free_of") or ():
        conditions.append(not_(cast(DishVariant.allergens, String).like(f'%"{allergen}"%')))
    return conditions
