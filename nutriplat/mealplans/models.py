"""Diet profiles and weekly meal plans with their days, items and history.

A plan is one revision of a client's week: draft → approved → superseded. Items point at
immutable variant rows, and each day stores the targets it was planned against, so a plan
shows the values it was made with however the catalogue or the targets change later."""
from __future__ import annotations

import datetime as dt
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.catalogue.models import DishVariant
from nutriplat.db import Base, utcnow


class DietProfile(Base):
    """What the client record does not say: the rest comes from the record and targets."""

    __tablename__ = "diet_profiles"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    preferences: Mapped[list[str]] = mapped_column(default=list)
    slots: Mapped[list[str]] = mapped_column(default=list)
    appetite_factor: Mapped[float] = mapped_column(default=1.0)
    weekly_budget_eur: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    allow_supplements: Mapped[bool] = mapped_column(default=True)
    max_supplements_per_day: Mapped[int] = mapped_column(default=2)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MealPlan(Base):
    __tablename__ = "meal_plans"
    __table_args__ = (
        UniqueConstraint("client_id", "week_start", "revision", name="uq_meal_plans_client_week_revision"),
        Index("ix_meal_plans_week_status", "week_start", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    week_start: Mapped[dt.date]
    revision: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # The diet the plan was made for (levels, allergies, soft wishes), as plain values.
    profile: Mapped[dict[str, Any]]
    solver: Mapped[dict[str, Any] | None]
    revises_id: Mapped[int | None] = mapped_column(ForeignKey("meal_plans.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    superseded_at: Mapped[datetime | None]
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("meal_plans.id"))

    days: Mapped[list[MealPlanDay]] = relationship(
        order_by="MealPlanDay.date", cascade="all, delete-orphan")


class MealPlanDay(Base):
    __tablename__ = "meal_plan_days"
    __table_args__ = (UniqueConstraint("plan_id", "date", name="uq_meal_plan_days_plan_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("meal_plans.id"))
    date: Mapped[dt.date]
    energy_kcal_target: Mapped[float]
    protein_g_target: Mapped[float]
    fluid_ml_target: Mapped[float]
    feasible: Mapped[bool]
    explanation: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[MealPlanItem]] = relationship(
        order_by="MealPlanItem.position", cascade="all, delete-orphan")


class MealPlanItem(Base):
    __tablename__ = "meal_plan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("meal_plan_days.id"), index=True)
    position: Mapped[int]
    slot: Mapped[str] = mapped_column(String(20))
    occurrence: Mapped[int] = mapped_column(default=1)
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"), index=True)
    portions: Mapped[float]
    locked: Mapped[bool] = mapped_column(default=False)

    variant: Mapped[DishVariant] = relationship()


class MealPlanEvent(Base):
    """The history of a plan: who created, changed, re-optimised, approved or replaced it."""

    __tablename__ = "meal_plan_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("meal_plans.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any] | None]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utcnow)
