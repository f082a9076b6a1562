"""Conditions, texture prescriptions, allergies, dislikes and delivery preferences.

The pilot targets Parkinson's disease and parkinsonism with chewing or swallowing
problems, so the mix is skewed that way; the IDDSI prescription follows from dysphagia
(texture-modified food 3-6 and often thickened drinks), never the other way round.
"""
from __future__ import annotations

import random

from .vocab import CONDITIONS, EU14_ALLERGENS


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


PRINCIPAL_SHARES = (("parkinson", 0.70), ("parkinsonism", 0.15))


def principal_diagnoses(rng: random.Random, count: int) -> list[str]:
    """Exact shares (~70 % parkinson, ~15 % parkinsonism, the rest another chronic
    condition) dealt out in random order, so every seed gives the pilot's case mix."""
    out = [name for name, share in PRINCIPAL_SHARES for _ in range(round(share * count))]
    others = ("stroke", "dementia", "cancer", "copd")
    out += [others[i % len(others)] for i in range(count - len(out))]
    rng.shuffle(out)
    return out


def conditions(rng: random.Random, care_setting: str, principal: str) -> tuple[str, ...]:
    """The principal diagnosis plus dysphagia and comorbidities by care setting."""
    found = {principal}
    # Swallowing problems are more frequent the more care someone needs.
    dysphagia_p = {"home": 0.28, "nursing_home": 0.5, "hospital": 0.5}[care_setting]
    if "stroke" in found or rng.random() < dysphagia_p:
        found.add("dysphagia")
    dementia_p = {"home": 0.12, "nursing_home": 0.45, "hospital": 0.2}[care_setting]
    for name, p in (("dementia", dementia_p), ("copd", 0.10), ("stroke", 0.07),
                    ("cancer", 0.07)):
        if rng.random() < p:
            found.add(name)
    return tuple(c for c in CONDITIONS if c in found)  # canonical order


def iddsi_levels(rng: random.Random, has_dysphagia: bool) -> tuple[str, str]:
    """(food, drink). Dysphagia: food mostly 4-6, drinks often mildly thickened."""
    if has_dysphagia:
        food = _weighted(rng, {"3": 0.06, "4": 0.24, "5": 0.35, "6": 0.35})
        drink = _weighted(rng, {"0": 0.15, "1": 0.25, "2": 0.32, "3": 0.20, "4": 0.08})
        return food, drink
    # Chewing problems (rigidity, dentures) without dysphagia: easy-to-chew 7EC.
    return _weighted(rng, {"7": 0.65, "7EC": 0.35}), "0"


def preparation_mode(rng: random.Random, care_setting: str, food_level: str) -> str:
    """Ready meals most common; cooking from the cookbook only at home, and only for
    textures a family cook can produce safely (not liquidised or puréed)."""
    if care_setting != "home" or food_level in ("3", "4"):
        return _weighted(rng, {"ready_meals": 0.75, "components": 0.25})
    return _weighted(rng, {"ready_meals": 0.55, "components": 0.25, "cookbook": 0.20})


_ALLERGEN_WEIGHTS = {
    "milk": 6, "gluten": 5, "nuts": 4, "eggs": 3, "fish": 3, "crustaceans": 3,
    "celery": 3, "peanuts": 2, "soybeans": 2, "mustard": 2, "sesame": 2,
    "sulphites": 2, "molluscs": 2, "lupin": 1,
}


def allergies(rng: random.Random) -> tuple[str, ...]:
    """~15 % have one or two EU-14 allergies; the rest none."""
    if rng.random() >= 0.15:
        return ()
    count = 1 if rng.random() < 0.7 else 2
    found: set[str] = set()
    while len(found) < count:
        found.add(_weighted(rng, _ALLERGEN_WEIGHTS))
    return tuple(a for a in EU14_ALLERGENS if a in found)


DISLIKES = (
    "spruitjes", "witloof", "vis", "lever", "rode kool", "spinazie", "bloemkool",
    "champignons", "ajuin", "knoflook", "pikant", "koriander", "rijst", "pasta",
    "erwten", "selder", "kervel", "paprika", "broccoli", "zuurkool", "mushrooms",
    "liver", "curry", "blue cheese",
)


def dislikes(rng: random.Random) -> tuple[str, ...]:
    """Soft preferences: none for about a third, otherwise one to three words."""
    count = rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0]
    return tuple(rng.sample(DISLIKES, count))


DELIVERY_NOTES = (
    "sleutel in sleutelkluis, code bij coördinator",
    "bel twee keer",
    "achterdeur gebruiken (via de garage)",
    "niet leveren voor 10 uur",
    "bij afwezigheid: buurvrouw op nr. {n} neemt aan",
    "hond in de tuin, eerst bellen",
    "diepvriezer staat in de berging",
    "slechthorend: lang laten bellen en even wachten",
    "dochter aanwezig op dinsdag en vrijdag",
    "trap naar 1e verdieping, geen lift",
    "parkeren op de oprit is toegelaten",
)


def delivery_notes(rng: random.Random) -> str | None:
    """About two in three home clients have a note for the driver."""
    if rng.random() < 0.35:
        return None
    return rng.choice(DELIVERY_NOTES).format(n=rng.randint(2, 60))
