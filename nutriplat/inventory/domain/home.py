"""Home reordering: keep a meal at home until the delivery after next.

Each night, for a client at home: project the home stock from the approved plan (see
``projection``). When it would fall short before the delivery after next (plus a safety
margin), order for the next delivery whose cut-off is still open, enough to cover the
plan up to the following delivery plus the margin, in whole packs, within the home
appliances' free capacity, never a product the client may no longer have. Days away
consume nothing and take no delivery.

The margin is the next delivery day itself: each delivery is sized to feed the days up to
and including the next delivery day, and the check for gaps counts a delivery only from
the day after it (as if the van came late), so one late van never empties the freezer
and a gap on a delivery day is closed by an extra delivery the day before when it can.

A shortfall before the next regular delivery (after a hospital stay, a missed delivery
or a late plan change) calls for an extra delivery on the earliest day the lead time
allows, covering until the regular one. ``plan_home_orders`` repeats the rule with each
proposal on its way, so one run orders both the extra and the regular delivery."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from math import ceil
from typing import Generic

from .projection import HomeItem, Product, Schedule, days, project

Capacity = float | Mapping[str, float | None] | None  # litres: one appliance, or per storage class
ONE_DAY = timedelta(days=1)
SAFETY_DAYS = 1  # the next delivery day is fed by the delivery before it


@dataclass(frozen=True)
class DeliverySlot:
    delivery_date: date  # the slots passed in are those whose order cut-off is still open


@dataclass(frozen=True)
class HomeOrderLine(Generic[Product]):
    variant_id: Product  # the product; the service names its current variant
    quantity: int
    use_by: date | None = None  # the last day the order feeds: pick lots that last that long


@dataclass(frozen=True)
class HomeOrderProposal(Generic[Product]):
    delivery_date: date
    covers_until: date  # the day before the following delivery
    lines: tuple[HomeOrderLine[Product], ...]
    short_before_delivery: Mapping[Product, date] = field(default_factory=dict)  # gaps it cannot fill
    capacity_limited: bool = False
    notes: tuple[str, ...] = ()
    extra: bool = False  # off the client's delivery days, to close a gap
    not_allowed: tuple[Product, ...] = ()  # planned, short, and not ordered


def cover_end(following: date, away: frozenset[date], safety_days: int) -> date:
    """The day after the safety margin: ``safety_days`` days at home from ``following`` on."""
    day, counted = following, 0
    while counted < safety_days and day < following + timedelta(days=366):
        counted += day not in away
        day += timedelta(days=1)
    return day


def propose_home_order(
    today: date, items: Mapping[Product, HomeItem], consumption: Schedule[Product], incoming: Schedule[Product],
    slots: Sequence[DeliverySlot], capacity_l: Capacity, away: frozenset[date] = frozenset(),
    safety_days: int = SAFETY_DAYS, earliest_extra: date | None = None,
) -> HomeOrderProposal[Product] | None:
    """None when stock (with what is on its way) lasts until the delivery after next plus
    the margin, or when fewer than two delivery slots are open. ``earliest_extra``: the
    first day an extra delivery could arrive (None: no extra deliveries)."""
    usable = sorted({s.delivery_date for s in slots if s.delivery_date >= today and s.delivery_date not in away})
    if len(usable) < 2:
        return None
    first, following = usable[0], usable[1]
    extra_day = (earliest_extra if earliest_extra is not None and today <= earliest_extra < first
                 and earliest_extra not in away else None)
    horizon = cover_end(following, away, safety_days)
    items = _complete(items, today, horizon, consumption, incoming)
    reach = extra_day or first  # the first day a delivery ordered now can feed
    whole = project(items, consumption, incoming, today, horizon, away, count_from=reach, late_from=first)
    refused = _refused(items, consumption, reach, horizon, away)
    if not whole.unmet:
        return None if not refused else HomeOrderProposal(
            first, following - timedelta(days=1), (), notes=tuple(_refusal_notes(refused)), not_allowed=refused)
    # A delivery day's own meals never wait for that day's van (it may be late): a gap on or
    # before the first regular delivery calls for an extra one.
    if extra_day is not None and min(whole.first_unmet.values()) <= first:
        delivery, until, covers_until = extra_day, cover_end(first, away, safety_days), first - ONE_DAY
    else:
        delivery, until, covers_until = first, horizon, following - ONE_DAY
    lines = _sized(items, consumption, incoming, today, delivery, until, away)
    if not lines and not refused:
        return None  # the gap is one the deliveries on their way close if they come on time
    lines, limited = _fit(lines, items, consumption, incoming, today, delivery, until, away, capacity_l)
    notes = _refusal_notes(refused)
    if limited:
        notes.append("the home appliance is full: the order covers fewer days than planned")
    urgent = {p: d for p, d in whole.short.items() if d < delivery}
    return HomeOrderProposal(delivery, covers_until, tuple(lines), urgent, limited, tuple(notes),
                             extra=delivery == extra_day, not_allowed=refused)


def plan_home_orders(today: date, items: Mapping[Product, HomeItem], consumption: Schedule[Product],
                     incoming: Schedule[Product], slots: Sequence[DeliverySlot], capacity_l: Capacity,
                     away: frozenset[date] = frozenset(), safety_days: int = SAFETY_DAYS,
                     earliest_extra: date | None = None, most: int = 3) -> list[HomeOrderProposal[Product]]:
    """The night's proposals for one client: an extra delivery and/or the regular one."""
    proposals: list[HomeOrderProposal[Product]] = []
    arriving = {day: dict(units) for day, units in incoming.items()}
    for _ in range(most):
        proposal = propose_home_order(today, items, consumption, arriving, slots, capacity_l, away,
                                      safety_days, earliest_extra)
        if proposal is None:
            break
        proposals.append(proposal)
        if not proposal.extra or not proposal.lines or proposal.capacity_limited:
            break  # a regular delivery covers the horizon; asking again would propose the same
        on_day = arriving.setdefault(proposal.delivery_date, {})
        for line in proposal.lines:
            on_day[line.variant_id] = on_day.get(line.variant_id, 0) + line.quantity
    return proposals


def _sized(items: Mapping[Product, HomeItem], consumption: Schedule[Product], incoming: Schedule[Product],
           today: date, delivery: date, until: date, away: frozenset[date]) -> list[HomeOrderLine[Product]]:
    """The units missing from ``delivery`` up to the last day the order feeds, in whole packs.
    Sized to feed its own day too (it may come in time) but not to lean on a later van.
    Every unit must last the days it is ordered for (a plan change may move its meal to
    the last of them, and the projection counts on it until then): a product whose
    freshest lot keeps less long is ordered only up to the day it keeps, and the days
    after it come with a later van; no unit arrives that expires before it is eaten."""
    window = project(items, consumption, incoming, today, until, away, count_from=delivery,
                     late_from=delivery + ONE_DAY)
    last = {p: min(until - ONE_DAY, items[p].fresh_until(delivery)) for p in window.unmet}
    missing = dict(window.unmet)
    for end in sorted({day for day in last.values() if day < until - ONE_DAY}):
        cut = project(items, consumption, incoming, today, end + ONE_DAY, away, count_from=delivery,
                      late_from=delivery + ONE_DAY)
        missing.update({p: cut.unmet.get(p, 0) for p, day in last.items() if day == end})
    return [HomeOrderLine(p, ceil(n / items[p].pack_size) * items[p].pack_size, last[p])
            for p, n in sorted(missing.items(), key=lambda kv: str(kv[0])) if n > 0]


def _complete(items: Mapping[Product, HomeItem], start: date, end: date, consumption: Schedule[Product],
              incoming: Schedule[Product]) -> Mapping[Product, HomeItem]:
    """Every product planned before ``end`` or arriving has an item. Callers describe
    every product at home, planned or on its way; one they forgot has no volume."""
    missing = {p for day in days(start, end) for p in consumption.get(day, ()) if p not in items}
    missing |= {p for units in incoming.values() for p in units if p not in items}
    if not missing:
        return items
    return {**items, **{p: HomeItem(on_hand=0) for p in missing}}


def _refused(items: Mapping[Product, HomeItem], consumption: Schedule[Product], start: date, end: date,
             away: frozenset[date]) -> tuple[Product, ...]:
    """Planned products the client may no longer have: never ordered, reported."""
    return tuple(sorted({p for day in days(start, end) if day not in away for p in consumption.get(day, {})
                         if not items[p].allowed}, key=str))


def _refusal_notes(refused: tuple[Product, ...]) -> list[str]:
    return [f"{product} is in the plan but no longer allowed; not ordered" for product in refused]


def _fit(lines: list[HomeOrderLine[Product]], items: Mapping[Product, HomeItem], consumption: Schedule[Product],
         incoming: Schedule[Product], today: date, delivery: date, until: date, away: frozenset[date],
         capacity_l: Capacity) -> tuple[list[HomeOrderLine[Product]], bool]:
    """Take whole packs off the products needed last until no appliance would ever hold
    more than its capacity after a delivery (this one or any other on its way)."""
    if capacity_l is None or not lines:
        return lines, False
    limit: Callable[[str], float | None]
    if isinstance(capacity_l, Mapping):
        one, limit = False, capacity_l.get
    else:
        whole = capacity_l
        one, limit = True, lambda _key: whole
    if _fits_anyway(lines, items, incoming, limit, one):
        return lines, False
    end = max([until, *(d + timedelta(days=1) for d in incoming)])
    first_use = {line.variant_id: min((d for d in days(delivery, end) if consumption.get(d, {}).get(line.variant_id)),
                                      default=date.max) for line in lines}
    trimmed, limited = list(lines), False
    while trimmed:
        arrivals = {day: dict(units) for day, units in incoming.items()}
        on_day = arrivals.setdefault(delivery, {})
        for line in trimmed:
            on_day[line.variant_id] = on_day.get(line.variant_id, 0) + line.quantity
        peaks = project(items, consumption, arrivals, today, end, away, delivery,
                        "one_appliance" if one else "per_storage").peak_l
        excess = {key: litres - cap for key, litres in peaks.items()
                  if (cap := limit(key)) is not None and litres > cap + 1e-9}
        candidates = [i for i, line in enumerate(trimmed)
                      if ("*" if one else items[line.variant_id].storage) in excess and items[line.variant_id].volume_l]
        if not candidates:
            break
        last = max(candidates, key=lambda i: (first_use[trimmed[i].variant_id], str(trimmed[i].variant_id)))
        line, item = trimmed[last], items[trimmed[last].variant_id]
        over = excess["*" if one else item.storage]
        # As many packs as the excess needs at once (one projection per product trimmed).
        packs = min(line.quantity // item.pack_size, max(1, ceil(over / (item.pack_size * item.volume_l) - 1e-9)))
        limited = True
        if line.quantity > packs * item.pack_size:
            trimmed[last] = replace(line, quantity=line.quantity - packs * item.pack_size)
        else:
            trimmed.pop(last)
    return trimmed, limited


def _fits_anyway(lines: list[HomeOrderLine[Product]], items: Mapping[Product, HomeItem], incoming: Schedule[Product],
                 limit: Callable[[str], float | None], one: bool) -> bool:
    """Everything at home, on its way and ordered fits at once: no need to look closer."""
    volumes: dict[str, float] = {}
    units = [(p, item.on_hand) for p, item in items.items()] + [(line.variant_id, line.quantity) for line in lines]
    units += [(p, n) for arriving in incoming.values() for p, n in arriving.items()]
    for product, n in units:
        key = "*" if one else items[product].storage
        volumes[key] = volumes.get(key, 0.0) + n * items[product].volume_l
    return all((cap := limit(key)) is None or litres <= cap + 1e-9 for key, litres in volumes.items())
