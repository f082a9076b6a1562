"""Project a client's home stock day by day: units past their expiry date are thrown away,
meals take the units that expire first. A delivery is put away before the day's meals or,
from ``late_from`` on (a cautious projection), after them: as if the van came late.
A product the client may no longer have (``allowed`` False) is not eaten: it stays in the
appliance until the dietitian changes the plan.

Products are opaque keys (the services use one per dish and texture, see
``nutriplat.inventory.domain.units``); quantities are whole units (one packed portion)."""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

Product = TypeVar("Product", bound=Hashable)  # opaque to the domain; the services use (dish id, texture)
Schedule = Mapping[date, Mapping[Product, int]]  # day → product → units (planned or arriving)
NEVER = date.max  # units whose expiry lies beyond any horizon


@dataclass(frozen=True)
class HomeItem:
    on_hand: int
    pack_size: int = 1
    volume_l: float = 0.0
    allowed: bool = True  # False: the client may no longer have it (texture, allergen)
    storage: str = "frozen"  # the storage class, i.e. which appliance holds it
    expiring: tuple[tuple[date, int], ...] = ()  # (expiry date, units) among on_hand
    shelf_life_days: int | None = None  # production to expiry: the freshest lot FEFO can pick

    def fresh_until(self, delivery: date) -> date:
        """The last day a unit delivered on ``delivery`` can feed: made the day before at
        the latest, it keeps ``shelf_life_days`` (``NEVER`` when unknown)."""
        if self.shelf_life_days is None:
            return NEVER
        return delivery + timedelta(days=self.shelf_life_days - 1)

    @cached_property
    def _buckets(self) -> tuple[tuple[date, int], ...]:
        listed = sum(units for _, units in self.expiring)
        rest = ((NEVER, self.on_hand - listed),) if self.on_hand > listed else ()
        return (*sorted(((day, units) for day, units in self.expiring if units > 0), key=lambda b: b[0]), *rest)

    def buckets(self) -> list[list[Any]]:
        """[expiry, units] soonest first; units not listed as expiring never do."""
        return [list(b) for b in self._buckets]


@dataclass
class Projection(Generic[Product]):
    short: dict[Product, date] = field(default_factory=dict)  # first day a product falls short
    unmet: dict[Product, int] = field(default_factory=dict)  # planned units missing, from count_from
    first_unmet: dict[Product, date] = field(default_factory=dict)
    peak_l: dict[str, float] = field(default_factory=dict)  # fullest appliance after an arrival


@lru_cache(maxsize=4096)
def days(start: date, end: date) -> tuple[date, ...]:
    """start, start + 1, …, end - 1 (cached: every client of a run asks for the same days)."""
    return tuple(start + timedelta(days=i) for i in range((end - start).days))


def project(items: Mapping[Product, HomeItem], plan: Schedule[Product], arrivals: Schedule[Product], start: date,
            end: date, away: frozenset[date] = frozenset(), count_from: date | None = None,
            measure: str | None = None, measure_from: date | None = None,
            late_from: date = NEVER) -> Projection[Product]:
    """Run the days start..end-1. Shortfalls are counted from ``count_from`` (default
    ``start``): before it nothing can be changed any more. ``measure`` ("per_storage" or
    "one_appliance") records how full each appliance gets on an arrival day from
    ``measure_from`` on (with the day's meals still in it: the fullest it can be)."""
    count_from = count_from or start
    measure_from = measure_from or count_from
    stock = _Stock(items)
    refused = {p for p, item in items.items() if not item.allowed}
    result: Projection[Product] = Projection()
    day, one_day = start, timedelta(days=1)
    while day < end:
        arrived = arrivals.get(day)
        late = day >= late_from
        if arrived and not late:
            _put_away(stock, arrived)
        if measure and day >= measure_from and (arrived or day == measure_from):
            _measure(result.peak_l, stock, items, day, measure == "one_appliance", (late and arrived) or {})
        if day not in away:
            for product, units in plan.get(day, {}).items():
                if product in refused:
                    continue
                missing = _consume(stock[product], units, day)
                if missing:
                    result.short.setdefault(product, day)
                    if day >= count_from:
                        result.unmet[product] = result.unmet.get(product, 0) + missing
                        result.first_unmet.setdefault(product, day)
        if arrived and late:
            _put_away(stock, arrived)
        day += one_day
    return result


class _Stock(dict[Product, list[list[Any]]]):
    """product → [[expiry, units]], copied from the items when first touched."""

    def __init__(self, items: Mapping[Product, HomeItem]) -> None:
        super().__init__()
        self.home = items  # not ``items``: that would hide dict.items

    def __missing__(self, product: Product) -> list[list[Any]]:
        item = self.home.get(product)
        self[product] = buckets = item.buckets() if item is not None else []
        return buckets


def _put_away(stock: _Stock[Product], arrived: Mapping[Product, int]) -> None:
    for product, units in arrived.items():
        stock[product].append([NEVER, units])


def _consume(buckets: list[list[Any]], units: int, day: date) -> int:
    """Take ``units`` soonest-expiring first, never past expiry; return how many were missing."""
    if not buckets:
        return units
    for bucket in buckets:  # sorted: soonest expiry first, deliveries (never expiring) last
        if bucket[0] < day or not bucket[1]:
            continue
        take = min(bucket[1], units)
        bucket[1] -= take
        units -= take
        if not units:
            break
    return units


def _measure(peaks: dict[str, float], stock: _Stock[Product], items: Mapping[Product, HomeItem],
             day: date, one_appliance: bool, arriving: Mapping[Product, int]) -> None:
    volumes: dict[str, float] = {}
    for product, item in items.items():
        if not item.volume_l:
            continue
        key = "*" if one_appliance else item.storage
        units = sum(u for e, u in stock[product] if e >= day) + arriving.get(product, 0)
        volumes[key] = volumes.get(key, 0.0) + units * item.volume_l
    for key, volume in volumes.items():
        peaks[key] = max(peaks.get(key, 0.0), volume)


def days_of_cover(items: Mapping[Product, HomeItem], plan: Schedule[Product], arrivals: Schedule[Product], start: date,
                  end: date, away: frozenset[date] = frozenset()) -> dict[Product, int | None]:
    """Per planned product, the whole days from ``start`` its stock lasts (``None``: past
    ``end``, the last day the plan is known)."""
    result = project(items, plan, arrivals, start, end, away)
    planned = {p for day in days(start, end) for p in plan.get(day, {})
               if items.get(p) is None or items[p].allowed}
    return {p: (result.short[p] - start).days if p in result.short else None for p in planned}
