"""The demo population generator: determinism, counts, people, places and clinical data."""
from __future__ import annotations

import dataclasses
import json
import math
import re
from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tools.demo.population import build_population, names, places, vocab

REF = date(2026, 3, 15)


@pytest.fixture(scope="module")
def population():
    return build_population(seed=2026, reference_date=REF)


@pytest.fixture(scope="module")
def clients(population):
    return population.clients


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


# --- determinism and purity -----------------------------------------------------------

def test_same_seed_and_date_give_identical_population(population):
    assert build_population(seed=2026, reference_date=REF) == population


def test_other_seed_gives_other_clients(population):
    other = build_population(seed=7, reference_date=REF)
    assert other.clients != population.clients
    assert len(other.clients) == len(population.clients)


def test_reference_date_defaults_to_today_in_brussels():
    def today() -> date:
        return datetime.now(ZoneInfo("Europe/Brussels")).date()
    before = today()
    assert build_population().reference_date in {before, today()}


def test_output_is_frozen(clients):
    with pytest.raises(dataclasses.FrozenInstanceError):
        clients[0].given_name = "X"  # type: ignore[misc]


def test_generator_uses_only_the_standard_library():
    # nutriplat/__init__.py builds the Flask app, so importing the package cannot prove
    # purity; the generator's own imports can: stdlib and its sibling modules only.
    import ast
    import sys
    from pathlib import Path

    import tools.demo.population as package
    for path in Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [node.module.split(".")[0]]
            else:
                continue
            assert set(roots) <= sys.stdlib_module_names | {"__future__"}, (path.name, roots)


# --- organisations, sites, users ------------------------------------------------------

def test_organisations(population):
    types = Counter(o.type for o in population.organisations)
    assert types == {"provider": 1, "referrer": 2, "cofinancer": 1, "supplier": 1, "fund": 1, "care_facility": 3}
    names_ = {o.name for o in population.organisations}
    assert {"AZ Delta Roeselare", "NutriPlat Ontwikkelingsfonds"} <= names_
    assert len({o.key for o in population.organisations}) == len(population.organisations)


def test_care_sites(population):
    kinds = Counter(s.care_setting for s in population.sites)
    assert kinds == {"nursing_home": 2, "hospital": 1}
    hospital = next(s for s in population.sites if s.care_setting == "hospital")
    assert hospital.address.street == "Deltalaan 1" and hospital.address.postal_code == "8800"
    assert _km(hospital.location.lat, hospital.location.lon, 50.9446, 3.1046) < 0.5
    org_keys = {o.key for o in population.organisations}
    assert hospital.organisation_key in org_keys


def test_users_one_per_role_with_demo_passwords(population):
    users = population.users
    # A client's account is opened with their dietitian's invitation (tools/demo/portal.py).
    assert {u.role for u in users} == set(vocab.ROLES) - {"client"}
    assert len({u.username for u in users}) == len(users)
    org_type = {o.key: o.type for o in population.organisations}
    expected = {"admin": "provider", "dietitian": "provider", "logistics": "provider",
                "cofinancer": "cofinancer", "caregiver": None, "referrer": "referrer", "fund": "fund",
                "ward_staff": "care_facility"}
    for user in users:
        assert len(user.password) >= 12 and "demo" in user.password
        assert org_type.get(user.organisation_key) == expected[user.role]


# --- clients: who and where -----------------------------------------------------------

def test_about_120_clients_split_over_settings(population, clients):
    assert 110 <= len(clients) <= 130
    settings = Counter(c.care_setting for c in clients)
    assert 75 <= settings["home"] <= 90 and 8 <= settings["hospital"] <= 12
    sites = Counter(c.care_site_key for c in clients if c.care_setting == "nursing_home")
    assert sorted(sites.values()) == [12, 15]
    site_by_key = {s.key: s for s in population.sites}
    for c in clients:
        if c.care_setting == "home":
            assert c.care_site_key is None
        else:
            assert site_by_key[c.care_site_key].care_setting == c.care_setting
        if c.care_setting == "nursing_home":
            assert c.address == site_by_key[c.care_site_key].address
    assert len({c.key for c in clients}) == len(clients)


def test_ages_mostly_65_to_90_with_a_few_younger(clients):
    ages = [_age(c.birth_date, REF) for c in clients]
    assert sum(65 <= a <= 90 for a in ages) >= 0.8 * len(ages)
    assert 1 <= sum(50 <= a < 65 for a in ages) <= 0.15 * len(ages)
    assert all(50 <= a <= 100 for a in ages)


def test_names_fit_sex_and_region(clients):
    assert len({(c.given_name, c.family_name) for c in clients}) == len(clients)
    for c in clients:
        assert c.sex in ("female", "male")
        pool = names.OLDER_GIVEN[c.sex] + names.YOUNGER_GIVEN[c.sex]
        assert c.given_name in pool and c.family_name in names.FAMILY_NAMES


def test_all_coordinates_inside_the_region(population, clients):
    points = [c.location for c in clients] + [s.location for s in population.sites]
    for p in points:
        assert 50.75 <= p.lat <= 51.05 and 2.95 <= p.lon <= 3.35, p


def test_home_addresses_look_real_and_lie_near_their_town(clients):
    towns = {(t.city, t.postal_code): t for t, _ in places.TOWNS}
    homes = [c for c in clients if c.care_site_key is None or c.care_setting == "hospital"]
    for c in homes:
        town = towns[(c.address.city, c.address.postal_code)]
        assert re.fullmatch(r"[A-Z][\w .'-]+ \d{1,3}( bus \d{1,2})?", c.address.street)
        assert c.address.country == "BE"
        assert _km(c.location.lat, c.location.lon, town.lat, town.lon) <= 2.0
    assert len({c.address.city for c in homes}) >= 10
    assert {"8800", "8870", "8830", "8840", "8890", "8850", "8810", "8880", "8770"} <= {
        c.address.postal_code for c in homes}


def test_contact_details_in_belgian_format(clients):
    phone = re.compile(r"\+32 (5[16] \d\d \d\d \d\d|4[789]\d \d\d \d\d \d\d)")
    for c in clients:
        assert c.phone is None or phone.fullmatch(c.phone), c.phone
        assert c.email is None or re.fullmatch(r"[a-z.]+@example\.(com|net|org)", c.email)
    assert all(c.phone for c in clients if c.care_setting == "home")
    emails = sum(c.email is not None for c in clients)
    assert 0 < emails < len(clients)


# --- clients: clinical and service data -----------------------------------------------

def test_most_have_parkinson_or_parkinsonism_and_many_dysphagia(clients):
    for c in clients:
        assert set(c.conditions) <= set(vocab.CONDITIONS) and c.conditions
        assert not {"parkinson", "parkinsonism"} <= set(c.conditions)
    count = Counter(x for c in clients for x in c.conditions)
    assert count["parkinson"] + count["parkinsonism"] >= 0.8 * len(clients)
    assert count["parkinson"] >= 0.6 * len(clients) and count["parkinsonism"] >= 0.1 * len(clients)
    assert 0.2 * len(clients) <= count["dysphagia"] <= 0.6 * len(clients)  # ~40 %
    assert sum(len(c.conditions) >= 3 for c in clients) > 0  # some comorbidity


def test_enums_valid(population, clients):
    referrers = {o.key for o in population.organisations if o.type == "referrer"}
    for c in clients:
        assert c.sex in vocab.SEXES and c.care_setting in vocab.CARE_SETTINGS
        assert c.status in vocab.STATUSES and c.preparation_mode in vocab.PREPARATION_MODES
        assert c.referral.organisation_key in referrers
        assert c.referral.care_line in vocab.CARE_LINES
    lines = {(c.referral.organisation_key, c.referral.care_line) for c in clients}
    assert lines == {("huisartsenpraktijk-de-mandel", "primary"), ("az-delta", "secondary")}
    modes = Counter(c.preparation_mode for c in clients)
    assert modes.most_common(1)[0][0] == "ready_meals"
    assert set(modes) == set(vocab.PREPARATION_MODES)


def test_allergens_only_from_eu14(clients):
    with_allergy = [c for c in clients if c.allergies]
    for c in clients:
        assert set(c.allergies) <= set(vocab.EU14_ALLERGENS)
        assert len(set(c.allergies)) == len(c.allergies) <= 2
    assert 0.03 * len(clients) <= len(with_allergy) <= 0.3 * len(clients)  # ~15 %


def test_iddsi_levels_follow_dysphagia(clients):
    dysphagic = [c for c in clients if "dysphagia" in c.conditions]
    for c in clients:
        assert c.iddsi_food_level in vocab.IDDSI_FOOD_LEVELS
        assert c.iddsi_drink_level in vocab.IDDSI_DRINK_LEVELS
        if c in dysphagic:
            assert c.iddsi_food_level in ("3", "4", "5", "6")  # texture-modified
        else:
            assert c.iddsi_food_level in ("7", "7EC") and c.iddsi_drink_level == "0"
    assert sum(c.iddsi_food_level in ("4", "5", "6") for c in dysphagic) >= 0.7 * len(dysphagic)
    assert sum(c.iddsi_drink_level in ("1", "2", "3") for c in dysphagic) >= 0.5 * len(dysphagic)


def test_dislikes_and_delivery_notes(clients):
    assert all(all(d.strip() for d in c.dislikes) for c in clients)
    assert any(c.dislikes for c in clients)
    for c in clients:
        if c.care_setting == "nursing_home":
            assert c.delivery_notes is None
    home_notes = [c.delivery_notes for c in clients if c.care_setting == "home"]
    assert 0.3 * len(home_notes) <= sum(n is not None for n in home_notes) < len(home_notes)


def test_api_fields_match_the_client_interface(clients):
    body = clients[0].api_fields()
    required = {"given_name", "family_name", "birth_date", "sex", "care_setting",
                "address", "location"}
    assert required <= set(body)
    assert set(body["address"]) == {"street", "postal_code", "city", "country"}
    assert set(body["location"]) == {"lat", "lon"}
    json.dumps([c.api_fields() for c in clients])  # plain JSON types only


def test_vocabulary_matches_the_service_vocabulary(clients):
    """The persister validates with the service's own lists; fail here, not in `python -m tools.demo`."""
    service = pytest.importorskip("nutriplat.clients.vocabulary")
    food = pytest.importorskip("nutriplat.food")
    roles = pytest.importorskip("nutriplat.auth.roles")
    for name in ("SEXES", "CARE_SETTINGS", "CONDITIONS", "CARE_LINES", "PREPARATION_MODES",
                 "STATUSES", "MANDATE_SCOPES", "CONSENT_PURPOSES", "MEASUREMENT_TYPES"):
        assert set(getattr(vocab, name)) == set(getattr(service, name)), name
    assert set(vocab.EU14_ALLERGENS) == set(food.ALLERGENS)
    assert vocab.IDDSI_FOOD_LEVELS == food.IDDSI_FOOD_LEVELS
    assert vocab.IDDSI_DRINK_LEVELS == food.IDDSI_DRINK_LEVELS
    assert set(vocab.ROLES) == set(roles.ROLES)
    assert set(vocab.ORGANISATION_TYPES) == set(roles.ORGANISATION_TYPES)
    for c in clients:
        for m in c.measurements:
            low, high = service.MEASUREMENT_RANGES[m.type]
            assert low <= m.value <= high, m
