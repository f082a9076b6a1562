"""A client's care team, the provider's alert routes, and each alert as told to the team."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.auth.models import User
from nutriplat.db import Base, utcnow


class CareTeamMember(Base):
    """One person around the client (GP, home nurse, facility, caregiver), told of the
    client's alerts while the client's consent for it stands."""

    __tablename__ = "care_team_members"
    __table_args__ = (Index("ix_care_team_members_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))  # the client's provider
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))
    consent_given_at: Mapped[datetime] = mapped_column(default=utcnow)
    consent_recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    consent_withdrawn_at: Mapped[datetime | None]
    consent_withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")

    @property
    def consented(self) -> bool:
        return self.consent_withdrawn_at is None

    @property
    def name(self) -> str:
        return self.user.display_name or self.user.username


class AlertRoute(Base):
    """A provider's own choice of who is told of one rule (else ``domain.DEFAULT_ROUTES``)."""

    __tablename__ = "alert_routes"
    __table_args__ = (UniqueConstraint("organisation_id", "rule"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    rule: Mapped[str] = mapped_column(String(40))
    recipients: Mapped[list[str]]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CareAlert(Base):
    """An early-warning alert as told to the care team: what, about whom, and the topic
    of the notifications (whose acknowledgement everyone told sees)."""

    __tablename__ = "care_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    raised_on: Mapped[date]
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("notification_topics.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    recipients: Mapped[list[CareAlertRecipient]] = relationship(lazy="selectin", order_by="CareAlertRecipient.id")


class CareAlertRecipient(Base):
    """Who was told of a care alert, and as what (the route's kind)."""

    __tablename__ = "care_alert_recipients"
    __table_args__ = (UniqueConstraint("care_alert_id", "user_id"),
                      Index("ix_care_alert_recipients_user", "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    care_alert_id: Mapped[int] = mapped_column(ForeignKey("care_alerts.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    told_as: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("care_team_members.id"))
