"""The rules a dish and a texture variant must meet, and a variant row made from an API
body: shared by the dish and variant use cases and by approved catalogue changes."""
from __future__ import annotations

from typing import Any

from nutriplat.auth.actor import Actor
from nutriplat.catalogue import vocabulary as v
from nutriplat.catalogue.models import Dish, DishVariant, texture_key
from nutriplat.errors import ErrorCollector

# What a new version takes over from the one it replaces, unless the change says otherwise.
COPIED = ("name", "allergens", "slots", "seasoning_options", "price_eur", "storage_class",
          "volume_l", "shelf_life_days", "regeneration")


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
        regeneration=body.get("regeneration"), created_by=actor.user_id, **body["nutrients"],
        **{key: body[key] for key in ("slots", "price_eur", "storage_class", "volume_l",
                                      "shelf_life_days")})

