"""Frozen value objects for a client and everything recorded about them.

Dates (`date`) are business dates in Europe/Brussels; timestamps (`datetime`) are
UTC-aware, per DESIGN.md. Histories are ordered oldest first.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .model import Address, CareSite, Location, Organisation, User


@dataclass(frozen=True)
class Referral:
    organisation_key: str
    care_line: str
    referred_on: date


@dataclass(frozen=True)
class SettingTransfer:
    """One move between care settings. The first entry of a history has
    from_setting=None: it records where the client lived when referred."""
    transferred_on: date
    from_setting: str | None
    to_setting: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.transferred_on.isoformat(), "from": self.from_setting,
                "to": self.to_setting, "reason": self.reason}


@dataclass(frozen=True)
class StatusChange:
    """One status change; the first entry (from_status=None) is the referral."""
    changed_on: date
    from_status: str | None
    to_status: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.changed_on.isoformat(), "from": self.from_status,
                "to": self.to_status, "reason": self.reason}


@dataclass(frozen=True)
class Measurement:
    type: str
    value: float
    measured_at: datetime  # UTC-aware
    measured_by: str  # dietitian username


@dataclass(frozen=True)
class Mandate:
    caregiver_username: str
    scopes: tuple[str, ...]
    relationship_to_client: str
    given_at: datetime
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class Consent:
    purpose: str
    given_at: datetime
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class Client:
    key: str  # "demo-client-001": stable across runs, for idempotent persisting
    given_name: str
    family_name: str
    birth_date: date
    sex: str
    phone: str | None
    email: str | None
    address: Address  # where they live: the nursing home, or home (also during a hospital stay)
    location: Location  # of that address
    care_setting: str
    care_site_key: str | None  # the nursing home or hospital they are in now; None at home
    conditions: tuple[str, ...]
    referral: Referral
    status: str
    status_history: tuple[StatusChange, ...]
    setting_history: tuple[SettingTransfer, ...]
    preparation_mode: str
    iddsi_food_level: str
    iddsi_drink_level: str
    allergies: tuple[str, ...]
    dislikes: tuple[str, ...]
    delivery_notes: str | None
    dietitian_username: str
    measurements: tuple[Measurement, ...]
    mandates: tuple[Mandate, ...] = ()
    consents: tuple[Consent, ...] = ()

    def measurements_of(self, type_: str) -> tuple[Measurement, ...]:
        return tuple(m for m in self.measurements if m.type == type_)

    def api_fields(self) -> dict[str, Any]:
        """The client body in the shape of POST /api/v1/clients (issue 2)."""
        return {
            "given_name": self.given_name, "family_name": self.family_name,
            "birth_date": self.birth_date.isoformat(), "sex": self.sex,
            "phone": self.phone, "email": self.email,
            "care_setting": self.care_setting, "address": self.address.as_dict(),
            "location": self.location.as_dict(), "conditions": list(self.conditions),
            "preparation_mode": self.preparation_mode,
            "iddsi_food_level": self.iddsi_food_level,
            "iddsi_drink_level": self.iddsi_drink_level,
            "allergies": list(self.allergies), "dislikes": list(self.dislikes),
            "delivery_notes": self.delivery_notes,
        }


@dataclass(frozen=True)
class Population:
    reference_date: date
    seed: int
    organisations: tuple[Organisation, ...]
    sites: tuple[CareSite, ...]
    users: tuple[User, ...]
    clients: tuple[Client, ...]
