"""Plain, frozen value objects for the organisations, sites and users of the demo.

Why frozen dataclasses and tuples: the generator is pure, so its output must not be
mutated by whoever persists it; equality then also makes determinism testable with `==`.
Field names and enum values follow issue 2 so the persisting code maps them 1:1.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    key: str  # stable slug: lets the persister upsert idempotently
    name: str
    type: str


@dataclass(frozen=True)
class Address:
    street: str  # street and house number, as in the API ("Ooststraat 12")
    postal_code: str
    city: str
    country: str = "BE"

    def as_dict(self) -> dict[str, str]:
        return {"street": self.street, "postal_code": self.postal_code,
                "city": self.city, "country": self.country}


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float

    def as_dict(self) -> dict[str, float]:
        return {"lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class CareSite:
    key: str
    name: str
    care_setting: str  # "nursing_home" or "hospital"
    address: Address
    location: Location
    organisation_key: str | None = None  # the hospital is also a referrer organisation


@dataclass(frozen=True)
class User:
    username: str
    role: str
    display_name: str
    password: str  # demo-only plain text; the persister hashes it
    organisation_key: str | None  # caregivers belong to no organisation
