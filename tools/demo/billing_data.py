"""The demo's billing, as plain data derived from the population (pure, deterministic):
the price list and rules, each client's subscription story from their status and
setting history, and their billing attributes.

A subscription starts when the client became active; "paused" and "active" status
changes pause and resume it (deliveries stop during a hospital stay, rental runs on);
"ended" cancels it; moving into a nursing home returns the rented appliances."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D
from typing import Any

from nutriplat.periods import Month
from tools.demo.population.records import Client

PRICES_FROM_MONTHS_BACK = 12
PLANS = (
    ("standard", "Standaardpakket", 14, D("189.00")),
    ("compact", "Compactpakket", 7, D("99.00")),
)
PLATFORM, COACHING = D("9.50"), D("14.50")
PRICE_RISE = {"standard": D("195.00"), "compact": D("102.00")}  # from the current month: new periods only
TARIFFS = (
    ("freezer", "rental", "Diepvriezer (huur)", D("12.50")),
    ("regeneration_oven", "rental", "Regeneratieoven (huur)", D("17.50")),
    ("extra_delivery", "addon", "Extra levering", D("4.50")),
)
SEGMENTS = (
    ("verhoogde-tegemoetkoming", "Verhoogde tegemoetkoming", ["increased_reimbursement"]),
    ("alleen-laag-inkomen", "Alleenwonend met laag inkomen", ["living_alone", "low_income"]),
)
COFINANCER = "Regionaal Zorgfonds West-Vlaanderen"
FUND = "NutriPlat Ontwikkelingsfonds"
GP = "Huisartsenpraktijk De Mandel"
SHARE_PERCENT = D("30")
VOUCHER_VALUE, VOUCHER_BUDGET = D("25.00"), D("250.00")  # fewer than the members: the cap shows
LICENSED_DISHES, ROYALTY = 3, D("0.35")


@dataclass(frozen=True)
class Story:
    start: date
    plan: str
    rentals: tuple[tuple[str, int], ...]
    changes: tuple[dict[str, Any], ...]  # bodies for the subscription-changes service


def price_start(today: date) -> date:
    month = Month.of(today)
    for _ in range(PRICES_FROM_MONTHS_BACK):
        month = month.previous()
    return month.first


def story(person: Client, seed: int) -> Story | None:
    """None for a client who never became active (still referred)."""
    rng = random.Random(f"{seed}/billing/{person.key}")
    active = [s for s in person.status_history if s.to_status == "active"]
    if not active:
        return None
    start = active[0].changed_on
    at_home = person.setting_history[0].to_setting == "home"
    rentals = []
    if at_home and rng.random() < 0.75:
        rentals.append(("freezer", 1))
    if at_home and rng.random() < 0.35:
        rentals.append(("regeneration_oven", 1))
    changes: list[dict[str, Any]] = []
    for change in person.status_history:
        if change.changed_on <= start:
            continue
        kind = {"paused": "pause", "ended": "cancel", "active": "resume"}[change.to_status]
        changes.append({"kind": kind, "effective_on": change.changed_on, "reason": change.reason})
    for move in person.setting_history:
        if move.to_setting == "nursing_home" and move.transferred_on > start:
            changes += [{"kind": "set_rental", "appliance": appliance, "quantity": 0, "effective_on":
                         move.transferred_on, "reason": "appliances returned: moved into a nursing home"}
                        for appliance, _ in rentals]
    changes.sort(key=lambda c: c["effective_on"])
    return Story(start, "compact" if rng.random() < 0.3 else "standard", tuple(rentals), tuple(changes))


def attributes(person: Client, seed: int) -> tuple[str, ...]:
    rng = random.Random(f"{seed}/billing-attributes/{person.key}")
    held = [name for name, share in (("increased_reimbursement", 0.35), ("living_alone", 0.4),
                                     ("low_income", 0.3)) if rng.random() < share]
    return tuple(held)


def extras(person: Client, seed: int, month: Month) -> tuple[tuple[date, int], ...]:
    """Extra meals some home clients ordered in ``month``: (day, quantity)."""
    rng = random.Random(f"{seed}/billing-extras/{person.key}/{month}")
    if person.care_setting != "home" or rng.random() > 0.35:
        return ()
    return tuple((month.first.replace(day=rng.randint(1, month.days)), rng.randint(1, 3))
                 for _ in range(rng.randint(1, 3)))
