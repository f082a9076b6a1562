"""Care facilities as the provider knows them: a facility (an organisation of type
``care_facility``) has sites, a site has wards, a ward has rooms with beds and ward staff;
the provider serves the facility under a service agreement.

Each row belongs to the provider that keeps it (``organisation_id``), like a client: a
facility served by two providers is described twice, once by each."""
from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow
from nutriplat.facilities.vocabulary import DEFAULT_RECEIVING, DEFAULT_UNLOADING_MINUTES


class Site(Base):
    """A building of a facility: where its crates are delivered."""

    __tablename__ = "facility_sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float]
    lon: Mapped[float]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Ward(Base):
    __tablename__ = "wards"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_wards_site_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("facility_sites.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    setting: Mapped[str] = mapped_column(String(20))  # nursing_home or hospital
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    rooms: Mapped[list[Room]] = relationship(order_by="Room.number", viewonly=True, lazy="selectin")


class Room(Base):
    __tablename__ = "ward_rooms"
    __table_args__ = (UniqueConstraint("ward_id", "number", name="uq_ward_rooms_ward_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    beds: Mapped[int] = mapped_column(default=1)


class WardStaff(Base):
    """A ward staff user (of the facility) assigned to one of its wards."""

    __tablename__ = "ward_staff"
    __table_args__ = (UniqueConstraint("ward_id", "user_id", name="uq_ward_staff_ward_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServiceAgreement(Base):
    """What the provider supplies a facility: which wards and meal moments, on which
    weekdays, ordered before which cut-off, at what price, invoiced to whom."""

    __tablename__ = "service_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    ward_ids: Mapped[list[int]] = mapped_column(JSON)
    meal_moments: Mapped[list[str]]
    delivery_days: Mapped[list[int]] = mapped_column(JSON)  # ISO weekdays
    # An order for delivery day D is final at cutoff_time (Brussels) cutoff_days_before D.
    cutoff_days_before: Mapped[int] = mapped_column(default=1)
    cutoff_time: Mapped[time]
    # When the site receives its crates (Brussels) and how long unloading them takes.
    window_opens: Mapped[time] = mapped_column(default=DEFAULT_RECEIVING[0], server_default="07:00:00")
    window_closes: Mapped[time] = mapped_column(default=DEFAULT_RECEIVING[1], server_default="11:00:00")
    unloading_minutes: Mapped[int] = mapped_column(default=DEFAULT_UNLOADING_MINUTES, server_default="20")
    pricing: Mapped[str] = mapped_column(String(20))
    price_eur: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    invoice_to: Mapped[str] = mapped_column(String(20))
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
