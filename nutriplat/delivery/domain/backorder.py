"""When a back-order's units will be at the warehouse: stock already there that nobody
has claimed, else the purchase orders on their way, in the order they are expected.
Earlier back-orders of the product claim the first units, so two clients short of the
same product are never both promised the same delivery."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def arrival_day(wanted: int, claimed: int, at_warehouse: int, on_its_way: Iterable[tuple[date, int]],
                today: date) -> date | None:
    """The first day ``wanted`` units are there beyond the ``claimed`` ones: ``today`` when
    ``at_warehouse`` covers them, else the expected day of the incoming order (expected
    day, units) that completes them (a late order counts from today); None when nothing
    on its way covers them."""
    if wanted <= 0:
        raise ValueError("a back-order wants at least one unit")
    needed, covered = claimed + wanted, at_warehouse
    if covered >= needed:
        return today
    for expected, units in sorted(on_its_way):
        covered += units
        if covered >= needed:
            return max(expected, today)
    return None


def first_delivery_day(arrival: date, after_order: date, earliest_open: date) -> date:
    """The back-order's delivery day: on or after the units arrive, after the order it
    completes, and not before the client's first day still open for ordering."""
    return max(arrival, after_order, earliest_open)
