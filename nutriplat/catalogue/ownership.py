"""Who may change which dishes. Every organisation plans from the catalogue and checks
allergies and textures against it, so a change reaches every client: only the admins of
a dish's owner change it — an organisation's admins their organisation's dishes, platform
admins the shared catalogue (owner None) and any other — and what makes a variant safe or
unsafe for someone (its allergens, a texture newly offered) waits for a second admin."""
from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from nutriplat.auth import roles
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.errors import Forbidden


def owner_for(actor: Actor) -> int | None:
    """A new dish belongs to its creator's organisation; a platform admin's to the platform."""
    return None if actor.is_platform_admin else actor.organisation_id


def may_write(actor: Actor, dish: Dish) -> bool:
    return actor.role == roles.ADMIN and (
        actor.is_platform_admin or dish.owner_organisation_id == actor.organisation_id)


def check_writer(actor: Actor, dish: Dish) -> None:
    if actor.role != roles.ADMIN:
        raise Forbidden("Only admins change the catalogue.")
    if not may_write(actor, dish):
        owner = "the platform's shared catalogue" if dish.owner_organisation_id is None \
            else "another organisation's catalogue"
        raise Forbidden(f"Dish {dish.id} belongs to {owner}; only its admins change it.")


def writable_dishes(actor: Actor) -> ColumnElement[bool]:
    """The dishes whose pending changes the actor may see and decide."""
    if actor.is_platform_admin:
        return true()
    return Dish.owner_organisation_id == actor.organisation_id


def is_person(actor: Actor) -> bool:
    """A person's safety change waits for a second person; the system actor (the demo
    loader, with the repository's reviewed catalogue) writes directly."""
    return actor.user_id is not None


def touches_safety(old: DishVariant, changes: dict[str, Any]) -> bool:
    """A revision that changes the allergens; the texture of a version never changes."""
    return "allergens" in changes and sorted(changes["allergens"] or []) != sorted(old.allergens)
