"""Organisations, users (one per role, plus extra caregivers and a second referrer), mandates
and consents.

Passwords are demo-only on purpose: they are printed by `python -m tools.demo` and must never
be mistaken for real credentials, so they say "demo" and follow one obvious pattern.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from .model import Organisation, User
from .records import Client, Consent, Mandate

PROVIDER = "nutriplat-roeselare"
GP_PRACTICE = "huisartsenpraktijk-de-mandel"
HOSPITAL_ORG = "az-delta"
COFINANCER = "regionaal-zorgfonds-wvl"
FUND = "nutriplat-ontwikkelingsfonds"
VLASBLOEM = "vlasbloem"
AZ_DELTA_WARDS = "az-delta-ziekenhuis"

ORGANISATIONS = (
    Organisation(PROVIDER, "NutriPlat Roeselare", "provider"),
    Organisation(GP_PRACTICE, "Huisartsenpraktijk De Mandel", "referrer"),
    Organisation(HOSPITAL_ORG, "AZ Delta Roeselare", "referrer"),
    # Invented regional body: deliberately not the name of a real insurer.
    Organisation(COFINANCER, "Regionaal Zorgfonds West-Vlaanderen", "cofinancer"),
    Organisation("mandelkeuken", "Mandelkeuken bv", "supplier"),
    Organisation(FUND, "NutriPlat Ontwikkelingsfonds", "fund"),
    # Care facilities served by the provider (issue 16); AZ Delta's discharge office above refers.
    Organisation(VLASBLOEM, "Woonzorgcentrum De Vlasbloem", "care_facility"),
    Organisation("ter-beke", "Woonzorgcentrum Ter Beke", "care_facility"),
    Organisation(AZ_DELTA_WARDS, "AZ Delta Roeselare — ziekenhuis", "care_facility"),
)
REFERRER_CARE_LINE = {GP_PRACTICE: "primary", HOSPITAL_ORG: "secondary"}

DIETITIANS = ("dietist.lien", "dietist.pieter")
CAREGIVER = "mantelzorger.an"  # the demo caregiver: mandated by three home clients


def password_for(role: str) -> str:
    return f"{role}-demo-only-2026"  # >= 12 characters, obviously not a real secret


def _user(username: str, role: str, name: str, org: str | None) -> User:
    return User(username, role, name, password_for(role), org)


USERS = (
    _user("admin", "admin", "Sofie Desmet", PROVIDER),
    _user(DIETITIANS[0], "dietitian", "Lien Vandewalle", PROVIDER),
    _user(DIETITIANS[1], "dietitian", "Pieter Debruyne", PROVIDER),
    _user("logistiek.kurt", "logistics", "Kurt Verhaeghe", PROVIDER),
    # The rest of the provider's team (issue 21): enough dietitians, drivers and kitchen staff
    # that each group's staff survey cell is shown (five respondents or more).
    *(_user(name, "dietitian", display, PROVIDER) for name, display in (
        ("dietist.hanne", "Hanne Vermeulen"), ("dietist.jonas", "Jonas Lambrecht"),
        ("dietist.ruth", "Ruth Vandecasteele"))),
    *(_user(name, "logistics", display, PROVIDER) for name, display in (
        ("chauffeur.luc", "Luc Vandenbussche"), ("chauffeur.sofie", "Sofie Declercq"),
        ("chauffeur.els", "Els Vanhoutte"), ("chauffeur.wim", "Wim Dewulf"),
        ("keuken.nathalie", "Nathalie Coussement"), ("keuken.bram", "Bram Verstraete"),
        ("keuken.ines", "Ines Depoorter"), ("keuken.stijn", "Stijn Vercruysse"),
        ("keuken.lotte", "Lotte Goethals"))),
    _user("cofinancier.els", "cofinancer", "Els Maes", COFINANCER),
    _user(CAREGIVER, "caregiver", "An Vanneste", None),
    _user("mantelzorger.bart", "caregiver", "Bart Lannoo", None),
    _user("mantelzorger.griet", "caregiver", "Griet Deprez", None),
    # Referrers (issue 19): a GP of De Mandel and AZ Delta's discharge office send referrals.
    _user("huisarts.mandel", "referrer", "Dr. Koen Vanhoutte", GP_PRACTICE),
    _user("ontslag.azdelta", "referrer", "Ontslagbureau AZ Delta", HOSPITAL_ORG),
    # The development fund reads its contributions and balance (issue 19 item 3).
    _user("fonds.marie", "fund", "Marie Claeys", FUND),
    # Ward staff (issue 16): De Vlasbloem's wards and a geriatric ward of AZ Delta.
    _user("afdeling.vlasbloem", "ward_staff", "Afdelingsteam De Vlasbloem", VLASBLOEM),
    _user("afdeling.azdelta", "ward_staff", "Afdeling C4 Geriatrie AZ Delta", AZ_DELTA_WARDS),
)

# The staff group each of the provider's staff answers the quarterly staff survey as.
STAFF_GROUPS = {
    **dict.fromkeys((*DIETITIANS, "dietist.hanne", "dietist.jonas", "dietist.ruth"), "dietitian"),
    **dict.fromkeys(("logistiek.kurt", "chauffeur.luc", "chauffeur.sofie", "chauffeur.els", "chauffeur.wim"),
                    "driver"),
    **dict.fromkeys(("keuken.nathalie", "keuken.bram", "keuken.ines", "keuken.stijn", "keuken.lotte"), "kitchen"),
}

# (caregiver, scopes, relationship, withdrawn later?) - one mandate per chosen client.
_MANDATES = (
    (CAREGIVER, ("view", "record", "order"), "daughter", False),
    (CAREGIVER, ("view", "record"), "daughter-in-law", False),
    (CAREGIVER, ("view",), "neighbour", False),
    ("mantelzorger.bart", ("view", "record", "order"), "son", False),
    ("mantelzorger.griet", ("view", "order"), "niece", False),
    ("mantelzorger.griet", ("view", "record"), "friend", True),  # shows a withdrawal
)


def _utc(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def consents(rng: random.Random, referred_on: date, ref: date) -> tuple[Consent, ...]:
    """Care for everyone (at referral), cofinancer reporting for most, research for some."""
    out = [Consent("care", _utc(referred_on, 9))]
    if rng.random() < 0.82:
        out.append(Consent("cofinancer_reporting", _utc(referred_on, 9)))
    if rng.random() < 0.35:
        given = referred_on + timedelta(days=rng.randint(0, 14))
        withdrawn = None
        if rng.random() < 0.1:  # a client can change their mind
            days_left = max(1, (ref - given).days - 1)
            withdrawn = _utc(given + timedelta(days=rng.randint(1, days_left)), 10)
        out.append(Consent("research", _utc(given, 10), withdrawn))
    return tuple(out)


def attach_mandates(rng: random.Random, clients: tuple[Client, ...],
                    ref: date) -> tuple[Client, ...]:
    """Give the mandates in _MANDATES to distinct active home clients."""
    eligible = [c for c in clients if c.care_setting == "home" and c.status == "active"]
    chosen = rng.sample(eligible, len(_MANDATES))
    by_key: dict[str, Client] = {}
    for client, (username, scopes, relation, withdraws) in zip(chosen, _MANDATES, strict=True):
        given_on = client.referral.referred_on + timedelta(days=rng.randint(5, 20))
        withdrawn = None
        if withdraws:
            withdrawn = _utc(given_on + timedelta(days=rng.randint(10, 30)), 16)
        mandate = Mandate(username, scopes, relation, _utc(given_on, 11), withdrawn)
        by_key[client.key] = replace(client, mandates=(mandate,))
    return tuple(by_key.get(c.key, c) for c in clients)
