"""The region's clients, generated purely from a seed: where they live (around a town
centre, or at one of the facilities), their care setting, status and conditions. The
clinical mix, names, addresses and weight histories come from the demo's builders
(``tools.demo.population``), so the region looks like the pilot, only bigger."""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from tools.demo.population import clinical, places, weights
from tools.demo.population.clients import HOSPITAL_COUNT, NURSING_HOME_COUNTS
from tools.demo.population.names import FAMILY_NAMES, OLDER_GIVEN, YOUNGER_GIVEN
from tools.demo.population.records import Measurement
from tools.region.places import REGION_TOWNS, nearest_depot

# The pilot's mix of care settings (home, nursing home, hospital), scaled to the region.
SETTING_SHARES = {"home": places.HOME_CLIENT_COUNT, "nursing_home": sum(NURSING_HOME_COUNTS),
                  "hospital": HOSPITAL_COUNT}
STATUS_SHARES = {"active": 0.90, "paused": 0.05, "ended": 0.05}


@dataclass(frozen=True)
class Facility:
    number: int
    name: str
    setting: str  # nursing_home or hospital
    town: places.Town
    lat: float
    lon: float


@dataclass(frozen=True)
class RegionClient:
    id: int
    row: dict  # the clients row
    setting: str
    status: str
    referred_on: date
    depot: int  # index in places.DEPOTS of the nearest depot
    facility: int | None  # index in the facilities for a resident or patient
    measurements: tuple[Measurement, ...]


def facilities(count: int, hospitals: int, seed: int) -> list[Facility]:
    """``count`` facilities spread over the towns by weight, the first ``hospitals`` of them hospitals."""
    rng = random.Random(f"{seed}/region/facilities")
    towns = [t for t, _ in REGION_TOWNS]
    picks = rng.choices(towns, weights=[w for _, w in REGION_TOWNS], k=count)
    out = []
    for n, town in enumerate(picks):
        setting = "hospital" if n < hospitals else "nursing_home"
        kind = "Ziekenhuis" if setting == "hospital" else "Woonzorgcentrum"
        _, spot = places.home_address(rng, town)
        out.append(Facility(n, f"{kind} {town.city} {n + 1}", setting, town, spot.lat, spot.lon))
    return out


def clients(count: int, first_id: int, today: date, sites: list[Facility], seed: int,
            dietitians: tuple[str, ...]) -> Iterator[RegionClient]:
    rng = random.Random(f"{seed}/region/clients")
    towns, town_weights = [t for t, _ in REGION_TOWNS], [w for _, w in REGION_TOWNS]
    settings = rng.choices(list(SETTING_SHARES), weights=list(SETTING_SHARES.values()), k=count)
    principal = clinical.principal_diagnoses(rng, count)
    by_setting = {s: [f.number for f in sites if f.setting == s] for s in ("nursing_home", "hospital")}
    for n in range(count):
        setting = settings[n]
        facility = rng.choice(by_setting[setting]) if setting != "home" else None
        town = sites[facility].town if facility is not None else rng.choices(towns, weights=town_weights)[0]
        address, spot = places.home_address(rng, town)
        lat, lon = (sites[facility].lat, sites[facility].lon) if facility is not None else (spot.lat, spot.lon)
        sex = rng.choice(("female", "female", "male"))
        birth = date(today.year - round(rng.triangular(60, 97, 82)), rng.randint(1, 12), rng.randint(1, 28))
        given = rng.choice((OLDER_GIVEN if birth.year <= 1960 else YOUNGER_GIVEN)[sex])
        found = clinical.conditions(rng, setting, principal[n])
        food, drink = clinical.iddsi_levels(rng, "dysphagia" in found)
        status = rng.choices(list(STATUS_SHARES), weights=list(STATUS_SHARES.values()))[0]
        referred = today - timedelta(days=rng.randint(30, 400))
        dietitian = dietitians[n % len(dietitians)]
        row = {"id": first_id + n, "given_name": given, "family_name": rng.choice(FAMILY_NAMES),
               "birth_date": birth, "sex": sex, "phone": places.phone_number(rng, town.area_code, rng.random() < 0.4),
               **address.as_dict(), "lat": lat, "lon": lon, "care_setting": setting, "status": status,
               "conditions": list(found), "referral_date": referred, "iddsi_food_level": food,
               "iddsi_drink_level": drink, "preparation_mode": clinical.preparation_mode(rng, setting, food),
               "allergies": list(clinical.allergies(rng)), "dislikes": list(clinical.dislikes(rng)),
               "delivery_notes": clinical.delivery_notes(rng) if setting == "home" else None,
               "external_ref": f"region-{first_id + n}", "version": 1}
        measured_until = today - timedelta(days=rng.randint(20, 60)) if status == "ended" else today
        history = weights.anthropometry(rng, sex, today, measured_until, 0, (dietitian, dietitians[0]))
        yield RegionClient(first_id + n, row, setting, status, referred, nearest_depot(lat, lon), facility, history)
