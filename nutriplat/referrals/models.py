"""A referral as the referrer sent it, and how far the provider has taken it."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Referral(Base):
    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_provider_status", "provider_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The referring organisation (a referrer organisation): its users see the referral.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    referred_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The provider organisation it is sent to: its staff triage it.
    provider_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    source: Mapped[str] = mapped_column(String(10), default="api")  # api | fhir
    # The person, as the referrer knows them.
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    sex: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(40))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    # Why, how soon, and what the referrer already knows.
    reason: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(10))
    screening_instrument: Mapped[str | None] = mapped_column(String(40))
    screening_result: Mapped[str | None] = mapped_column(String(100))
    iddsi_food_level: Mapped[str | None] = mapped_column(String(3))
    iddsi_drink_level: Mapped[str | None] = mapped_column(String(1))
    allergies: Mapped[list[str]] = mapped_column(default=list)
    consent_for_care: Mapped[bool]
    # A hospital's discharge letter (FHIR DocumentReference attachment), base64 as sent.
    letter_content_type: Mapped[str | None] = mapped_column(String(100))
    letter_title: Mapped[str | None] = mapped_column(String(200))
    letter_size: Mapped[int | None]
    letter_data: Mapped[str | None] = mapped_column(Text)
    # received → triaged → accepted | declined; accepted → active → ended.
    status: Mapped[str] = mapped_column(String(10), default="received")
    decline_reason: Mapped[str | None] = mapped_column(String(500))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    triaged_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]
    activated_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)

    @property
    def address(self) -> dict[str, Any]:
        return {"street": self.street, "postal_code": self.postal_code, "city": self.city}

    @property
    def screening(self) -> dict[str, Any] | None:
        if self.screening_instrument is None:
            return None
        return {"instrument": self.screening_instrument, "result": self.screening_result}

    @property
    def letter(self) -> dict[str, Any] | None:
        if self.letter_content_type is None:
            return None
        return {"content_type": self.letter_content_type, "title": self.letter_title,
                "size": self.letter_size}
