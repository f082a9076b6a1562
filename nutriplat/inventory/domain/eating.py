"""What a client really eats, from the intake records: the meal slots they usually eat.

A plan may hold a slot the client does not eat (the afternoon snack they skip): its items
stay in the fridge until they expire. On a day with intake records, the slots recorded
are what was eaten (a thawed meal is not refrozen, eaten or not). The days without
records and the days ahead are read as the client's usual days: the slots recorded on at
least half of the recent days with records. With too few such days the plan holds."""
from __future__ import annotations

from collections.abc import Collection, Iterable

LOOKBACK_DAYS = 28  # the recent days the usual slots are read from
MIN_RECORDED_DAYS = 5  # fewer days with records: the plan is taken as eaten
USUAL_SHARE = 0.5  # a slot eaten on at least this share of the recorded days is usual


def usual_slots(recorded_days: Iterable[Collection[str]]) -> frozenset[str] | None:
    """The slots eaten on at least ``USUAL_SHARE`` of the days with records (each day: the
    slots recorded that day); None when too few days have records (read the plan)."""
    days = [set(slots) for slots in recorded_days if slots]
    if len(days) < MIN_RECORDED_DAYS:
        return None
    counts: dict[str, int] = {}
    for slots in days:
        for slot in slots:
            counts[slot] = counts.get(slot, 0) + 1
    return frozenset(slot for slot, n in counts.items() if n >= USUAL_SHARE * len(days))


def eaten_slots(recorded: Collection[str] | None, usual: frozenset[str] | None) -> Collection[str] | None:
    """The slots whose planned items a day took: the recorded ones, else the usual ones
    (None: every planned slot)."""
    return recorded if recorded is not None else usual
