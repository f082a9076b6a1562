"""The Roeselare pilot demo population, generated purely and deterministically.

No Flask, no SQLAlchemy, no I/O: `build_population()` returns frozen dataclasses that
`python -m tools.demo` persists. The same seed and reference date always give the same
population (stdlib `random.Random` seeded with strings, which is stable across runs
and platforms), so the demo is reproducible and its unit tests are exact.
"""
from __future__ import annotations

import random
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .clients import build_clients
from .model import Address, CareSite, Location, Organisation, User
from .people import ORGANISATIONS, USERS, attach_mandates, password_for
from .places import SITES
from .records import Client, Consent, Mandate, Measurement, Population, Referral, SettingTransfer, StatusChange

DEFAULT_SEED = 2026

__all__ = [
    "DEFAULT_SEED", "Address", "CareSite", "Client", "Consent", "Location", "Mandate",
    "Measurement", "Organisation", "Population", "Referral", "SettingTransfer",
    "StatusChange", "User", "build_population", "password_for",
]


def build_population(seed: int = DEFAULT_SEED, reference_date: date | None = None) -> Population:
    """Organisations, care sites, users and ~120 clients as of `reference_date`
    (default: today in Europe/Brussels, the business calendar). Every dated event
    and measurement lies before that date, so none is in the future on the day."""
    ref = reference_date or datetime.now(ZoneInfo("Europe/Brussels")).date()
    clients = build_clients(seed, ref)
    clients = attach_mandates(random.Random(f"{seed}/mandates"), clients, ref)
    return Population(
        reference_date=ref, seed=seed, organisations=ORGANISATIONS, sites=SITES,
        users=USERS, clients=clients,
    )
