"""Texture variants: offering a dish in a texture, and new versions of a variant.

A change never edits a row: it writes version n + 1 and retires version n, which then
points at its replacement. Plans reference rows, so they keep the values they used.
A person's new texture or allergen change is proposed, not applied (``catalogue.approvals``);
``offer_texture`` and ``write_revision`` apply it once a second admin approves."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from nutriplat.auth.actor import Actor
from nutriplat.catalogue import approvals, ownership
from nutriplat.catalogue.models import CatalogueChange, Dish, DishVariant, texture_key
from nutriplat.catalogue.policy import POLICY
from nutriplat.catalogue.rules import COPIED, check_variant, new_variant
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound


def add_variant(uow: UnitOfWork, actor: Actor, dish_id: int, body: dict[str, Any]
                ) -> DishVariant | CatalogueChange:
    """A person's new texture is proposed for a second admin's approval."""
    POLICY.check(actor, "add_variant")
    with uow:
        dish = uow.session.get(Dish, dish_id)
        if dish is None:
            raise NotFound(f"No dish {dish_id}.")
        ownership.check_writer(actor, dish)
        errors = ErrorCollector()
        check_variant(dish.kind, body, errors)
        errors.raise_if_any()
        texture_is_free(dish, body)
        if ownership.is_person(actor):
            change = approvals.propose(uow.session, actor, dish, "add_variant", None, body)
            uow.commit()
            return change
        return _commit(uow, offer_texture(uow.session, actor, dish, body))


def texture_is_free(dish: Dish, body: dict[str, Any]) -> None:
    if dish.withdrawn_at is not None:
        raise Conflict("The dish is withdrawn; it takes no new variants.")
    key = texture_key(body.get("food_level"), body.get("drink_level"))
    if current := next((x for x in dish.current_variants if x.texture == key), None):
        raise Conflict(f"The dish already has this texture as variant {current.id}; change that one.",
                       {"food_level" if key.startswith("food") else "drink_level": ["Already offered."]})


def offer_texture(session: Session, actor: Actor, dish: Dish, body: dict[str, Any]) -> DishVariant:
    key = texture_key(body.get("food_level"), body.get("drink_level"))
    last = session.scalar(select(func.max(DishVariant.version)).where(
        DishVariant.dish_id == dish.id, DishVariant.texture == key)) or 0
    variant = new_variant(dish, body, actor, version=last + 1)
    session.add(variant)
    return variant


def revise_variant(uow: UnitOfWork, actor: Actor, variant_id: int, changes: dict[str, Any]
                   ) -> DishVariant | CatalogueChange:
    """Write the next version with ``changes``; 409 when this version is not the current one.
    A person's change of the allergens is proposed, whole, for a second admin's approval."""
    POLICY.check(actor, "revise_variant")
    with uow:
        old = current(uow.session, variant_id)
        ownership.check_writer(actor, old.dish)
        if not changes:
            return old  # nothing to change: no new version
        if ownership.is_person(actor) and ownership.touches_safety(old, changes):
            change = approvals.propose(uow.session, actor, old.dish, "revise_variant", old.id, changes)
            uow.commit()
            return change
        return _commit(uow, write_revision(uow.session, actor, old, changes))


def write_revision(session: Session, actor: Actor, old: DishVariant, changes: dict[str, Any]) -> DishVariant:
    body = {key: getattr(old, key) for key in COPIED}
    body.update(changes)
    body["nutrients"] = old.nutrients | (changes.get("nutrients") or {})
    body["food_level"], body["drink_level"] = old.food_level, old.drink_level
    new = new_variant(old.dish, body, actor, version=old.version + 1)
    old.retired_at = utcnow()
    session.add(new)
    session.flush()
    old.replaced_by_id = new.id
    return new


def withdraw_variant(uow: UnitOfWork, actor: Actor, variant_id: int) -> DishVariant:
    POLICY.check(actor, "withdraw_variant")
    with uow:
        variant = current(uow.session, variant_id)
        ownership.check_writer(actor, variant.dish)
        variant.retired_at = utcnow()
        return _commit(uow, variant)


def get_variant(uow: UnitOfWork, actor: Actor, variant_id: int) -> DishVariant:
    """Any version, current or not: a plan may show one that has since changed."""
    POLICY.check(actor, "get_variant")
    with uow:
        return _load(uow.session, variant_id)


def list_versions(uow: UnitOfWork, actor: Actor, variant_id: int) -> list[DishVariant]:
    POLICY.check(actor, "list_versions")
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


def current(session: Session, variant_id: int) -> DishVariant:
    variant = _load(session, variant_id)
    if not variant.is_current:
        successor = f"; the current version is {variant.replaced_by_id}" if variant.replaced_by_id else ""
        raise Conflict(f"Dish variant {variant_id} is no longer current{successor}.")
    return variant


def _commit(uow: UnitOfWork, variant: DishVariant) -> DishVariant:
    flush_or_conflict(uow.session, "Someone else changed this variant at the same time; reload and retry.")
    uow.commit()
    return variant
