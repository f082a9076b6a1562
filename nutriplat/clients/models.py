"""The client record and what hangs off it: setting and status history, caregiver
mandates, consents, measurements and intake."""
from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.clock import age_on, business_today
from nutriplat.db import Base, utcnow
from nutriplat.facilities.models import Room

if TYPE_CHECKING:
    from nutriplat.auth.models import User


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_org_family_name", "organisation_id", "family_name"),
        UniqueConstraint("organisation_id", "external_ref", name="uq_clients_org_external_ref"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    # The client's number in the referrer's or an import's system; lets imports
    # (and the demo) be re-run without duplicating people.
    external_ref: Mapped[str | None] = mapped_column(String(64))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    sex: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    care_setting: Mapped[str] = mapped_column(String(20))
    # Where a client living in a facility stays (set by the care-setting transfer).
    ward_id: Mapped[int | None] = mapped_column(ForeignKey("wards.id"), index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("ward_rooms.id"))
    status: Mapped[str] = mapped_column(String(20), default="referred")
    conditions: Mapped[list[str]] = mapped_column(default=list)
    referral_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    referral_care_line: Mapped[str | None] = mapped_column(String(20))
    referral_date: Mapped[date | None]
    preparation_mode: Mapped[str | None] = mapped_column(String(20))
    iddsi_food_level: Mapped[str] = mapped_column(String(3), default="7")
    iddsi_drink_level: Mapped[str] = mapped_column(String(1), default="0")
    allergies: Mapped[list[str]] = mapped_column(default=list)
    dislikes: Mapped[list[str]] = mapped_column(default=list)
    delivery_notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)

    @property
    def age(self) -> int:
        return age_on(self.birth_date, business_today())

    @property
    def address(self) -> dict[str, Any]:
        return {"street": self.street, "postal_code": self.postal_code,
                "city": self.city, "country": self.country}

    @property
    def location(self) -> dict[str, Any] | None:
        return None if self.lat is None else {"lat": self.lat, "lon": self.lon}

    @property
    def referral(self) -> dict[str, Any] | None:
        if self.referral_organisation_id is None and self.referral_date is None:
            return None
        return {"organisation_id": self.referral_organisation_id,
                "care_line": self.referral_care_line, "date": self.referral_date}

    @property
    def room(self) -> str | None:
        return None if self.room_id is None or self.room_row is None else self.room_row.number

    room_row: Mapped[Room | None] = relationship(lazy="selectin")
    setting_history: Mapped[list[CareSettingTransfer]] = relationship(
        order_by="CareSettingTransfer.transferred_on, CareSettingTransfer.id")
    status_history: Mapped[list[StatusChange]] = relationship(
        order_by="StatusChange.changed_on, StatusChange.id")
    # Written by screening (each result keeps it current); read here as part of the record.
    # Named, not imported: screening is downstream of clients (docs/architecture.md).
    # Loaded when read (the detail view's ``_load_for_display``), not with every client query:
    # a page's nine use cases each loading the client read it nine times.
    care_plan: Mapped[Any] = relationship("CarePlanMark", lazy="select", viewonly=True, uselist=False)


class CareSettingTransfer(Base):
    """A move between home, nursing home and hospital (e.g. admission, discharge)."""

    __tablename__ = "care_setting_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    transferred_on: Mapped[date]
    from_setting: Mapped[str | None] = mapped_column(String(20))
    to_setting: Mapped[str] = mapped_column(String(20))
    ward_id: Mapped[int | None] = mapped_column(ForeignKey("wards.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("ward_rooms.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    room_row: Mapped[Room | None] = relationship(lazy="selectin")

    @property
    def room(self) -> str | None:
        return None if self.room_id is None or self.room_row is None else self.room_row.number


class StatusChange(Base):
    __tablename__ = "client_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    changed_on: Mapped[date]
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaregiverMandate(Base):
    """The client's permission for a caregiver (mantelzorger) to act for them."""

    __tablename__ = "caregiver_mandates"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    caregiver_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scopes: Mapped[list[str]]
    relationship_to_client: Mapped[str | None] = mapped_column(String(100))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    # The dietitian's page names the caregiver (loaded with the mandate).
    caregiver: Mapped[User] = relationship(foreign_keys=[caregiver_id], lazy="joined")


class Consent(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Measurement(Base):
    __tablename__ = "measurements"
    __table_args__ = (Index("ix_measurements_client_type_at", "client_id", "type", "measured_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    type: Mapped[str] = mapped_column(String(40))
    value: Mapped[float]
    measured_at: Mapped[datetime]
    measured_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class IntakeRecord(Base):
    """How much of one meal was eaten, how long it took, and what was drunk."""

    __tablename__ = "intake_records"
    __table_args__ = (Index("ix_intake_records_client_date", "client_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    date: Mapped[dt.date]
    meal_slot: Mapped[str] = mapped_column(String(20))
    percent_eaten: Mapped[int]
    duration_min: Mapped[int | None]
    fluid_ml: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
