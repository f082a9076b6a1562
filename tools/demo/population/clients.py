"""About 120 pilot clients: at home around Roeselare, in two nursing homes, in hospital.

Why one seeded Random per client (`"{seed}/client/{n}"`): a client's data depends only
on the seed and their number, so a tweak to one distribution does not reshuffle every
other client, and the same seed always yields the same population.
"""
from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from . import clinical, histories, names, people, places, weights
from .model import CareSite
from .records import Client, Referral

NURSING_HOME_COUNTS = (15, 12)  # residents per nursing home, in places.NURSING_HOMES order
HOSPITAL_COUNT = 10

# setting, site, home town (None in a nursing home), storyline, principal diagnosis
_Slot = tuple[str, CareSite | None, places.Town | None, str, str]


def _plan(seed: int) -> list[_Slot]:
    """Who lives where and follows which storyline, in a seeded random order."""
    rng = random.Random(f"{seed}/plan")
    slots: list[tuple[str, CareSite | None, places.Town | None, str]] = []
    towns = [t for t, n in places.TOWNS for _ in range(n)]
    for town, story in zip(towns, histories.storylines(rng, "home", len(towns)), strict=True):
        slots.append(("home", None, town, story))
    homes = [s for s, n in zip(places.NURSING_HOMES, NURSING_HOME_COUNTS, strict=True) for _ in range(n)]
    for site, story in zip(homes, histories.storylines(rng, "nursing_home", len(homes)), strict=True):
        slots.append(("nursing_home", site, None, story))
    for story in histories.storylines(rng, "hospital", HOSPITAL_COUNT):
        # Admitted from home: they keep a home address, drawn with the same town weights.
        slots.append(("hospital", places.HOSPITAL, rng.choice(towns), story))
    rng.shuffle(slots)
    diagnoses = clinical.principal_diagnoses(rng, len(slots))
    return [(*slot, diagnosis) for slot, diagnosis in zip(slots, diagnoses, strict=True)]


def _age(rng: random.Random, setting: str) -> int:
    """Mostly 65-90; a few younger (young-onset Parkinson's) at home, a few over 90."""
    if setting == "nursing_home":
        return round(rng.triangular(72, 96, 86))
    if setting == "hospital":
        return round(rng.triangular(63, 92, 79))
    roll = rng.random()
    if roll < 0.08:
        return rng.randint(50, 64)
    return round(rng.triangular(65, 90, 77)) if roll < 0.97 else rng.randint(91, 94)


def _birth_date(rng: random.Random, ref: date, age: int) -> date:
    """A birth date giving exactly `age` on `ref`."""
    year = ref.year - age
    last = date(year, ref.month, 28 if (ref.month, ref.day) == (2, 29) else ref.day)
    return last - timedelta(days=rng.randint(0, 364))


def _email(rng: random.Random, given: str, family: str) -> str:
    # example.* domains (RFC 2606) so that no demo e-mail can ever reach a real inbox.
    local = f"{given}.{family}".lower().replace(" ", "").replace("-", "")
    local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    return f"{local}@example.{rng.choice(('com', 'net', 'org'))}"


def _referrer(rng: random.Random, setting: str) -> str:
    gp_share = {"home": 0.65, "nursing_home": 0.75, "hospital": 0.3}[setting]
    return people.GP_PRACTICE if rng.random() < gp_share else people.HOSPITAL_ORG


def _dietitians(site: CareSite | None, town: places.Town | None) -> tuple[str, str]:
    """Lien covers the hospital, the first nursing home and Roeselare itself; Pieter the
    second nursing home and the surrounding towns. The other one covers holidays."""
    lien, pieter = people.DIETITIANS
    if site is places.HOSPITAL or site is places.NURSING_HOMES[0]:
        return lien, pieter
    if site is None and town is not None and town.postal_code == "8800":
        return lien, pieter
    return pieter, lien


def build_clients(seed: int, ref: date) -> tuple[Client, ...]:
    taken: set[tuple[str, str]] = set()
    org_names = {o.key: o.name for o in people.ORGANISATIONS}
    clients = []
    for n, (setting, site, town, story, principal) in enumerate(_plan(seed), start=1):
        rng = random.Random(f"{seed}/client/{n}")
        age = _age(rng, setting)
        birth_date = _birth_date(rng, ref, age)
        male_share = {"home": 0.55, "nursing_home": 0.35, "hospital": 0.5}[setting]
        sex = "male" if rng.random() < male_share else "female"
        given, family = names.pick_name(rng, sex, birth_date.year, taken)
        if setting == "nursing_home" and site is not None:
            # A resident's address is the nursing home; room phones are not listed.
            address, location = site.address, site.location
            phone = places.phone_number(rng, "51", mobile=True) if rng.random() < 0.4 else None
        else:
            # Hospital clients were admitted from home: their address stays their home.
            assert town is not None  # every non-resident slot has a home town
            address, location = places.home_address(rng, town)
            phone = places.phone_number(rng, town.area_code, mobile=rng.random() < 0.35)
        email_share = 0.7 if age < 65 else (0.35 if setting == "home" else 0.1)
        email = _email(rng, given, family) if rng.random() < email_share else None
        referrer = _referrer(rng, setting)
        timeline = histories.build_timeline(rng, ref, story, setting, org_names[referrer],
                                            site.name if site else None)
        conditions = clinical.conditions(rng, setting, principal)
        food, drink = clinical.iddsi_levels(rng, "dysphagia" in conditions)
        dietitians = _dietitians(site, town)
        clients.append(Client(
            key=f"demo-client-{n:03d}", given_name=given, family_name=family,
            birth_date=birth_date, sex=sex, phone=phone, email=email,
            address=address, location=location, care_setting=setting,
            care_site_key=site.key if site else None, conditions=conditions,
            referral=Referral(referrer, people.REFERRER_CARE_LINE[referrer],
                              timeline.referred_on),
            status=timeline.status_history[-1].to_status,
            status_history=timeline.status_history,
            setting_history=timeline.setting_history,
            preparation_mode=clinical.preparation_mode(rng, setting, food),
            iddsi_food_level=food, iddsi_drink_level=drink,
            allergies=clinical.allergies(rng), dislikes=clinical.dislikes(rng),
            delivery_notes=None if setting == "nursing_home" else clinical.delivery_notes(rng),
            dietitian_username=dietitians[0],
            measurements=weights.anthropometry(rng, sex, ref, timeline.measured_until,
                                               timeline.admitted_days, dietitians),
            consents=people.consents(rng, timeline.referred_on, ref),
        ))
    return tuple(clients)
