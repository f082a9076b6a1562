"""The kitchen's arithmetic for one product of a production day: what the day's home and
ward deliveries need, less what the warehouses already hold (usable until the delivery),
made in whole lots of the kitchen's lot size."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Production:
    needed: int
    on_hand: int
    to_make: int
    lots: int
    lot_units: int  # what the lots make (to_make rounded up to whole lots)


def production(home_units: int, ward_units: int, on_hand: int, lot_size: int) -> Production:
    if lot_size < 1:
        raise ValueError("a lot makes at least one unit")
    needed = home_units + ward_units
    to_make = max(0, needed - on_hand)
    lots = math.ceil(to_make / lot_size)
    return Production(needed, on_hand, to_make, lots, lots * lot_size)


def use_by(produced_on: date, shelf_life_days: int) -> date:
    """The last day a batch may be eaten: the production day counts as the first of its
    shelf life (as the replenishment projection counts it)."""
    if shelf_life_days < 1:
        raise ValueError("a shelf life is at least one day")
    return produced_on + timedelta(days=shelf_life_days - 1)
