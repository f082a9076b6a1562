"""Texture variants: the rules a variant must meet, and its versions.

A change never edits a row: it writes version n + 1 and retires version n, which then
points at its replacement. Plans reference rows, so they keep the values they used."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from nutriplat.auth.actor import Actor
from nutriplat.catalog import vocabulary as v
from nutriplat.catalog.models import Dish, DishVariant, texture_key
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound

_COPIED = ("name", "allergens", "slots", "seasoning_options", "price_eur", "storage_class",
           "volume_l", "shelf_life_days")


def check_course(kind: str, course: str | None, errors: ErrorCollector) -> str | None:
    """Drinks and supplements are their own course; a food must say main, soup or dessert."""
    if kind in v.COURSE_OF_KIND:
        if course not in (None, v.COURSE_OF_KIND[kind]):
            errors.add("course", f"A {kind} is always course '{v.COURSE_OF_KIND[kind]}'.")
        return v.COURSE_OF_KIND[kind]
    if course not in v.FOOD_COURSES:
        errors.add("course", f"A {kind.replace('_', ' ')} needs a course: {', '.join(v.FOOD_COURSES)}.")
    return course


def check_variant(kind: str, body: dict[str, Any], errors: ErrorCollector, prefix: str = "") -> None:
    """Drinks have a drink level, foods a food level; supplements either (drink or cream)."""
    if kind == "drink" and body.get("food_level") is not None:
        errors.add(f"{prefix}drink_level", "A drink needs a drink_level, not a food_level.")
    if kind in v.FOOD_KINDS and body.get("drink_level") is not None:
        errors.add(f"{prefix}food_level", "A food needs a food_level, not a drink_level.")


def check_distinct_textures(bodies: list[dict[str, Any]], errors: ErrorCollector) -> None:
    seen: set[str] = set()
    for i, body in enumerate(bodies):
        key = texture_key(body.get("food_level"), body.get("drink_level"))
        if key in seen:
            errors.add(f"variants.{i}", f"A second variant with the texture {key}.")
        seen.add(key)


def new_variant(dish: Dish, body: dict[str, Any], actor: Actor, version: int = 1) -> DishVariant:
    """A new row of ``dish`` (attached to it) from an API body."""
    food_level, drink_level = body.get("food_level"), body.get("drink_level")
    return DishVariant(
        dish=dish, texture=texture_key(food_level, drink_level), version=version,
        name=body.get("name") or f"{dish.name} ({v.texture_label(food_level, drink_level)})",
        allergens=body.get("allergens") or [], seasoning_options=body.get("seasoning_options") or [],
        created_by=actor.user_id, **body["nutrients"],
        **{key: body[key] for key in ("slots", "price_eur", "storage_class", "volume_l",
                                      "shelf_life_days")})


def flush_or_conflict(session: Session, message: str) -> None:
    # Two editors at once can both pass the checks; the unique constraints decide.
    try:
        session.flush()
    except IntegrityError as error:
        raise Conflict(message) from error


def add_variant(uow: UnitOfWork, actor: Actor, dish_id: int, body: dict[str, Any]) -> DishVariant:
    with uow:
        dish = uow.session.get(Dish, dish_id)
        if dish is None:
            raise NotFound(f"No dish {dish_id}.")
        if dish.withdrawn_at is not None:
            raise Conflict("The dish is withdrawn; it takes no new variants.")
        errors = ErrorCollector()
        check_variant(dish.kind, body, errors)
        errors.raise_if_any()
        key = texture_key(body.get("food_level"), body.get("drink_level"))
        if current := next((x for x in dish.current_variants if x.texture == key), None):
            raise Conflict(f"The dish already has this texture as variant {current.id}; change that one.",
                           {"food_level" if key.startswith("food") else "drink_level": ["Already offered."]})
        last = uow.session.scalar(select(func.max(DishVariant.version)).where(
            DishVariant.dish_id == dish.id, DishVariant.texture == key)) or 0
        variant = new_variant(dish, body, actor, version=last + 1)
        uow.session.add(variant)
        return _commit(uow, variant)


def revise_variant(uow: UnitOfWork, actor: Actor, variant_id: int, changes: dict[str, Any]) -> DishVariant:
    """Write the next version with ``changes``; 409 when this version is not the current one."""
    with uow:
        old = _current(uow.session, variant_id)
        if not changes:
            return old  # nothing to change: no new version
        body = {key: getattr(old, key) for key in _COPIED}
        body.update(changes)
        body["nutrients"] = old.nutrients | (changes.get("nutrients") or {})
        body["food_level"], body["drink_level"] = old.food_level, old.drink_level
        new = new_variant(old.dish, body, actor, version=old.version + 1)
        old.retired_at = utcnow()
        uow.session.add(new)
        uow.session.flush()
        old.replaced_by_id = new.id
        return _commit(uow, new)


def withdraw_variant(uow: UnitOfWork, actor: Actor, variant_id: int) -> DishVariant:
    with uow:
        variant = _current(uow.session, variant_id)
        variant.retired_at = utcnow()
        return _commit(uow, variant)


def get_variant(uow: UnitOfWork, variant_id: int) -> DishVariant:
    """Any version, current or not: a plan may show one that has since changed."""
    with uow:
        return _load(uow.session, variant_id)


def list_versions(uow: UnitOfWork, variant_id: int) -> list[DishVariant]:
    with uow:
        variant = _load(uow.session, variant_id)
        return list(uow.session.scalars(
            select(DishVariant).options(joinedload(DishVariant.dish))
            .where(DishVariant.dish_id == variant.dish_id, DishVariant.texture == variant.texture)
            .order_by(DishVariant.version)))


def _load(session: Session, variant_id: int) -> DishVariant:
    variant = session.scalar(select(DishVariant).options(joinedload(DishVariant.dish))
                             .where(DishVariant.id == variant_id))
    if variant is None:
        raise NotFound(f"No dish variant {variant_id}.")
    return variant


def _current(session: Session, variant_id: int) -> DishVariant:
    variant = _load(session, variant_id)
    if not variant.is_current:
        successor = f"; the current version is {variant.replaced_by_id}" if variant.replaced_by_id else ""
        raise Conflict(f"Dish variant {variant_id} is no longer current{successor}.")
    return variant


def _commit(uow: UnitOfWork, variant: DishVariant) -> DishVariant:
    flush_or_conflict(uow.session, "Someone else changed this variant at the same time; reload and retry.")
    uow.commit()
    return variant
