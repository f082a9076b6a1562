"""A route plan of one depot and delivery day: the solve run (status, progress), the
fleet it was solved for, one route per van and one stop per client visited.

Times of routes and stops are seconds from 00:00 Europe/Brussels of the delivery day,
as routing has them; the API shows them as ISO timestamps with offset."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class RoutePlan(Base):
    __tablename__ = "route_plans"
    __table_args__ = (Index("ix_route_plans_depot_date", "depot_id", "delivery_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    depot_id: Mapped[int] = mapped_column(ForeignKey("depots.warehouse_id"))
    delivery_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="queued")
    # "depot:date" while queued or running, "depot:date" once published; unique, so a
    # second solve of a running day, or a second published plan, cannot be written.
    active_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    published_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    time_limit_s: Mapped[float]
    progress: Mapped[float] = mapped_column(default=0.0)
    best_cost: Mapped[int | None]
    solutions_found: Mapped[int] = mapped_column(default=0)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    fleet: Mapped[dict[str, Any]] = mapped_column(JSON)  # depot and vans as solved (routing values)
    error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    edited_at: Mapped[datetime | None]  # lock, move, publish: each bumps ``version``
    published_at: Mapped[datetime | None]
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    routes: Mapped[list[PlannedRoute]] = relationship(
        order_by="PlannedRoute.position", cascade="all, delete-orphan", back_populates="plan")
    stops: Mapped[list[PlannedStop]] = relationship(
        order_by="PlannedStop.id", cascade="all, delete-orphan", back_populates="plan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)


class PlannedRoute(Base):
    """One van's route; a van without stops is unused that day."""

    __tablename__ = "planned_routes"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("route_plans.id"), index=True)
    van_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    position: Mapped[int]
    locked: Mapped[bool] = mapped_column(default=False)
    start_s: Mapped[int | None]
    end_s: Mapped[int | None]
    distance_m: Mapped[int] = mapped_column(default=0)
    breaks: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [[start_s, duration_s], ...]

    plan: Mapped[RoutePlan] = relationship(back_populates="routes")


class PlannedStop(Base):
    """A client's delivery of the day (all their orders for it), or a facility site's (all
    its wards' crates; ``site_id`` set, no client): what it needs, where, when it may be
    served; once solved its route, place and ETA, or why it was dropped."""

    __tablename__ = "planned_stops"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("route_plans.id"), index=True)
    route_id: Mapped[int | None] = mapped_column(ForeignKey("planned_routes.id"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("facility_sites.id"), index=True)
    order_ids: Mapped[list[int]] = mapped_column(JSON)
    task_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # equipment installs and collections
    pickup_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # a recall's collect lines
    lat: Mapped[float]
    lon: Mapped[float]
    demand_litres: Mapped[float]
    demand_kg: Mapped[float]
    frozen_litres: Mapped[float]
    chilled_litres: Mapped[float]
    window_start_s: Mapped[int]
    window_end_s: Mapped[int]
    service_s: Mapped[int]
    last_driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    pinned_van_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))  # picked onto it
    sequence: Mapped[int | None]
    eta_s: Mapped[int | None]
    departure_s: Mapped[int | None]
    load_after_litres: Mapped[float | None]
    load_after_kg: Mapped[float | None]
    drop_reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(12))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    confirmed_at: Mapped[datetime | None]
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    plan: Mapped[RoutePlan] = relationship(back_populates="stops")
