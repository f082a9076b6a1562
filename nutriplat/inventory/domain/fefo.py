"""First-expiry-first-out allocation of a quantity over lots."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LotStock:
    lot_id: int
    expiry_date: date
    available: int


@dataclass(frozen=True)
class Allocation:
    lot_id: int
    quantity: int


def allocate_fefo(lots: Iterable[LotStock], quantity: int, usable_until: date) -> list[Allocation]:
    """Take ``quantity`` from the lots that expire first, skipping every lot that expires
    before ``usable_until`` (the day the client will need the item, at the earliest).
    Returns fewer units than asked when there are not enough usable ones; the caller
    decides whether a short pick is acceptable."""
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    usable = sorted((lot for lot in lots if lot.expiry_date >= usable_until and lot.available > 0),
                    key=lambda lot: (lot.expiry_date, lot.lot_id))
    allocations, needed = [], quantity
    for lot in usable:
        if needed == 0:
            break
        take = min(lot.available, needed)
        allocations.append(Allocation(lot.lot_id, take))
        needed -= take
    return allocations
