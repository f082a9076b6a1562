"""Home reordering: project a client's home stock day by day from the approved plan and
propose the delivery that keeps a meal at home until the delivery after it.

The rule (issue 5): when stock would fall short before the delivery after next, order for
the next delivery whose cut-off has not passed, enough to cover the plan up to the
following delivery plus a safety margin, in whole packs, within the appliance's capacity.
Days the client is away consume nothing and take no delivery."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil

Consumption = Mapping[date, Mapping[int, int]]  # day → variant id → portions planned


@dataclass(frozen=True)
class HomeItem:
    on_hand: int
    pack_size: int = 1
    volume_l: float = 0.0
    allowed: bool = True  # False: the client may no longer have it (texture, allergen)


@dataclass(frozen=True)
class DeliverySlot:
    delivery_date: date  # the slots passed in are those whose order cut-off is still open


@dataclass(frozen=True)
class HomeOrderLine:
    variant_id: int
    quantity: int


@dataclass(frozen=True)
class HomeOrderProposal:
    delivery_date: date
    covers_until: date  # the day before the following delivery
    lines: tuple[HomeOrderLine, ...]
    short_before_delivery: Mapping[int, date] = field(default_factory=dict)  # urgent gaps
    capacity_limited: bool = False
    notes: tuple[str, ...] = ()


def project(on_hand: Mapping[int, int], consumption: Consumption, incoming: Mapping[date, Mapping[int, int]],
            start: date, end: date, away: frozenset[date]) -> tuple[dict[int, int], dict[int, date]]:
    """Stock left after the days start..end-1 (deliveries arrive before the day's meals),
    and the first day each variant runs short."""
    stock, short = dict(on_hand), {}
    day = start
    while day < end:
        for variant, qty in incoming.get(day, {}).items():
            stock[variant] = stock.get(variant, 0) + qty
        if day not in away:
            for variant, qty in consumption.get(day, {}).items():
                stock[variant] = stock.get(variant, 0) - qty
                if stock[variant] < 0:
                    short.setdefault(variant, day)
        day += timedelta(days=1)
    return stock, short


def _needs(consumption: Consumption, start: date, end: date, away: frozenset[date],
           safety_days: int) -> dict[int, int]:
    """Planned portions from start to end-1, plus the busiest days' worth as safety."""
    totals: dict[int, int] = {}
    per_day: dict[int, list[int]] = {}
    day = start
    while day < end:
        if day not in away:
            for variant, qty in consumption.get(day, {}).items():
                totals[variant] = totals.get(variant, 0) + qty
                per_day.setdefault(variant, []).append(qty)
        day += timedelta(days=1)
    for variant, days in per_day.items():
        totals[variant] += sum(sorted(days, reverse=True)[:safety_days])
    return totals


def propose_home_order(
    today: date, items: Mapping[int, HomeItem], consumption: Consumption,
    incoming: Mapping[date, Mapping[int, int]], slots: Sequence[DeliverySlot],
    capacity_l: float | None, away: frozenset[date] = frozenset(), safety_days: int = 1,
) -> HomeOrderProposal | None:
    """None when the stock (with what is already on its way) lasts until the delivery
    after next, or when there are fewer than two usable delivery slots."""
    usable = sorted(s.delivery_date for s in slots if s.delivery_date not in away and s.delivery_date >= today)
    if len(usable) < 2:
        return None
    first, following = usable[0], usable[1]
    on_hand = {v: i.on_hand for v, i in items.items()}
    _, short = project(on_hand, consumption, incoming, today, following, away)
    if not short:
        return None
    at_delivery, _ = project(on_hand, consumption, incoming, today, first, away)
    for variant, qty in incoming.get(first, {}).items():
        at_delivery[variant] = at_delivery.get(variant, 0) + qty
    notes, lines = [], []
    for variant, need in sorted(_needs(consumption, first, following, away, safety_days).items()):
        item = items.get(variant, HomeItem(on_hand=0))
        missing = need - max(at_delivery.get(variant, 0), 0)
        if missing <= 0:
            continue
        if not item.allowed:
            notes.append(f"variant {variant} is in the plan but no longer allowed; not ordered")
            continue
        lines.append(HomeOrderLine(variant, ceil(missing / item.pack_size) * item.pack_size))
    lines, limited = _fit(lines, items, at_delivery, capacity_l, consumption, first)
    if limited:
        notes.append("the home appliance is full: the order covers fewer days than planned")
    urgent = {v: d for v, d in short.items() if d < first}
    return HomeOrderProposal(first, following - timedelta(days=1), tuple(lines), urgent, limited, tuple(notes))


def _fit(lines: list[HomeOrderLine], items: Mapping[int, HomeItem], at_delivery: Mapping[int, int],
         capacity_l: float | None, consumption: Consumption, first: date) -> tuple[list[HomeOrderLine], bool]:
    """Trim whole packs of the items needed last until everything fits the appliance."""
    if capacity_l is None:
        return lines, False

    def volume(ls: list[HomeOrderLine]) -> float:
        stocked = sum(max(q, 0) * items[v].volume_l for v, q in at_delivery.items() if v in items)
        return stocked + sum(line.quantity * items[line.variant_id].volume_l for line in ls)

    first_use = {line.variant_id: min((d for d, c in consumption.items() if d >= first and line.variant_id in c),
                                      default=date.max) for line in lines}
    trimmed, limited = list(lines), False
    while trimmed and volume(trimmed) > capacity_l + 1e-9:
        last = max(range(len(trimmed)), key=lambda i: (first_use[trimmed[i].variant_id], trimmed[i].variant_id))
        line, pack = trimmed[last], items[trimmed[last].variant_id].pack_size
        limited = True
        if line.quantity > pack:
            trimmed[last] = HomeOrderLine(line.variant_id, line.quantity - pack)
        else:
            trimmed.pop(last)
    return trimmed, limited
