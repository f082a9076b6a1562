"""Dishes, their texture variants, and changes waiting for a second admin.

A variant row is immutable: changing a variant writes a new row (version + 1) and retires
the old one, so a meal plan that references a row keeps the values it was made with.
A dish belongs to one catalogue owner: an organisation (a kitchen or supplier), or the
platform (no organisation) for the shared menu; only that owner's admins change it."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.catalogue.vocabulary import NUTRIENTS
from nutriplat.db import Base, utcnow


class Dish(Base):
    __tablename__ = "dishes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    course: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    # Words a dislike or preference may name ("vis", "stoofvlees"), besides the name.
    keywords: Mapped[list[str]] = mapped_column(default=list)
    # None: the platform's shared catalogue, written by platform admins only.
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    withdrawn_at: Mapped[datetime | None]

    variants: Mapped[list[DishVariant]] = relationship(
        back_populates="dish", order_by="DishVariant.id", foreign_keys="DishVariant.dish_id")

    pending_changes: Mapped[list[CatalogueChange]] = relationship(
        primaryjoin=lambda: and_(Dish.id == CatalogueChange.dish_id, CatalogueChange.status == "pending"),
        order_by=lambda: CatalogueChange.id, viewonly=True)

    @property
    def current_variants(self) -> list[DishVariant]:
        return [v for v in self.variants if v.is_current]


class DishVariant(Base):
    __tablename__ = "dish_variants"
    __table_args__ = (UniqueConstraint("dish_id", "texture", "version",
                                       name="uq_dish_variants_dish_texture_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"), index=True)
    # "food:4" or "drink:2": one axis, one IDDSI level; the key of a variant's versions.
    texture: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(String(200))
    allergens: Mapped[list[str]] = mapped_column(default=list)
    slots: Mapped[list[str]] = mapped_column(default=list)
    seasoning_options: Mapped[list[str]] = mapped_column(default=list)
    energy_kcal: Mapped[float]
    protein_g: Mapped[float]
    fat_g: Mapped[float]
    carbohydrate_g: Mapped[float]
    fibre_g: Mapped[float]
    fluid_ml: Mapped[float]
    sodium_mg: Mapped[float]
    price_eur: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    storage_class: Mapped[str] = mapped_column(String(10))
    volume_l: Mapped[float]
    shelf_life_days: Mapped[int]
    # How to reheat it at home, per appliance: {"oven": ["…", …], "microwave": […],
    # "regeneration_trolley": […]}; None until the kitchen writes them (the portal then
    # shows the storage class's general steps).
    regeneration: Mapped[dict[str, Any] | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("dish_variants.id"))

    # Kind and course live on the dish; every read of a variant needs them.
    dish: Mapped[Dish] = relationship(back_populates="variants", foreign_keys=[dish_id], lazy="joined")

    @property
    def is_current(self) -> bool:
        return self.retired_at is None

    @property
    def food_level(self) -> str | None:
        axis, _, level = self.texture.partition(":")
        return level if axis == "food" else None

    @property
    def drink_level(self) -> str | None:
        axis, _, level = self.texture.partition(":")
        return level if axis == "drink" else None

    @property
    def nutrients(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in NUTRIENTS}

    @property
    def kind(self) -> str:
        return self.dish.kind

    @property
    def course(self) -> str:
        return self.dish.course


class CatalogueChange(Base):
    """A change to what a variant is safe for (its allergens, or a texture newly offered),
    proposed by one admin and applied only when another admin of the owner approves it."""

    __tablename__ = "catalogue_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # revise_variant or add_variant
    # The version a revision was proposed against; approving it after a newer one is a 409.
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("dish_variants.id"))
    changes: Mapped[dict[str, Any]]  # the request body, money as text
    status: Mapped[str] = mapped_column(String(10), default="pending")  # approved, rejected
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_by_name: Mapped[str] = mapped_column(String(80))
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_by_name: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(String(500))
    result_variant_id: Mapped[int | None] = mapped_column(ForeignKey("dish_variants.id"))


def texture_key(food_level: str | None, drink_level: str | None) -> str:
    return f"food:{food_level}" if food_level is not None else f"drink:{drink_level}"
