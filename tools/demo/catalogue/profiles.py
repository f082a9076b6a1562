"""Diet-profile wishes of demo clients, derived from who they are (pure, seeded).

Small eaters in nursing homes and hospital get smaller portions and an extra snack;
some people at home have a weekly budget or a favourite dish."""
from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from tools.demo.population.records import Client

FAVOURITES = ("stoofvlees", "vol-au-vent", "waterzooi", "rijstpap", "hutsepot", "balletjes",
              "chocolademousse", "kip", "vis", "appelmoes")


def diet_profile(person: Client, seed: int) -> dict[str, Any] | None:
    """The stored part of the profile, or None to keep the defaults."""
    rng = random.Random(f"{seed}/diet/{person.key}")
    wishes: dict[str, Any] = {}
    if person.care_setting != "home" and rng.random() < 0.4:
        wishes["appetite_factor"] = 0.75
        wishes["slots"] = ["breakfast", "snack", "lunch", "snack", "dinner"]
    if person.care_setting == "home" and rng.random() < 0.25:
        wishes["weekly_budget_eur"] = Decimal(rng.choice(("140.00", "160.00", "180.00")))
    if rng.random() < 0.3:
        wishes["preferences"] = rng.sample(FAVOURITES, rng.choice((1, 2)))
    return wishes or None
