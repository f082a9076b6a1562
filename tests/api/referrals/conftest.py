"""The care network's people: two GP practices, a hospital discharge office, and the
provider (Provider A) whose dietitian (``lien``) triages the inbox."""
from __future__ import annotations

import pytest


@pytest.fixture
def provider_a(world) -> int:  # type: ignore[no-untyped-def]
    return world.organisation("Provider A")


@pytest.fixture
def gp(world, provider_a):  # type: ignore[no-untyped-def]
    """A GP of Huisartsenpraktijk De Mandel."""
    world.organisation("De Mandel", "referrer")
    return world.person("huisarts", "referrer", organisation="De Mandel")


@pytest.fixture
def other_gp(world, provider_a):  # type: ignore[no-untyped-def]
    """A GP of another practice."""
    world.organisation("De Linde", "referrer")
    return world.person("huisarts.linde", "referrer", organisation="De Linde")


@pytest.fixture
def discharge(world, provider_a):  # type: ignore[no-untyped-def]
    """AZ Delta's discharge office."""
    world.organisation("AZ Delta", "referrer")
    return world.person("ontslag", "referrer", organisation="AZ Delta")


@pytest.fixture
def referral(provider_a) -> dict:
    """A GP's referral of Rosa, with what the GP knows."""
    return {
        "provider_id": provider_a, "given_name": "Rosa", "family_name": "Declercq",
        "birth_date": "1938-06-21", "sex": "female", "phone": "+32 51 12 34 56",
        "address": {"street": "Kerkstraat 4", "postal_code": "8800", "city": "Roeselare"},
        "reason": "Lost 6 kg since spring, eats half her meals.", "urgency": "soon",
        "screening": {"instrument": "mna_sf", "result": "6 points: malnourished"},
        "iddsi_food_level": "6", "iddsi_drink_level": "0", "allergies": ["milk"],
        "consent_for_care": True,
    }
