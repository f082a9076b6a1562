"""What becomes of a van's leftover units at the end of its route (pure rules)."""
from __future__ import annotations

from datetime import date

from nutriplat.delivery.domain.van_leftovers import Fate, Held, fates

DAY = date(2026, 12, 7)
ROUTE = "route 3 of 2026-12-07"


def test_what_the_van_still_holds_goes_back_less_what_rides_for_a_picked_order():
    held = [Held(1, 5, "frozen", date(2027, 3, 1)), Held(2, 2, "ambient", date(2027, 1, 1)),
            Held(3, 4, "chilled", DAY)]
    found = fates(held, {1: 3, 2: 2}, set(), DAY, ROUTE)
    assert found == [Fate("return", 1, 2, f"left on the van after {ROUTE}"),
                     Fate("return", 3, 4, f"left on the van after {ROUTE}")]  # use-by today: still good today


def test_past_its_date_is_expired_and_a_broken_cold_chain_is_waste_with_its_reason():
    held = [Held(1, 1, "chilled", date(2026, 12, 6)), Held(2, 2, "chilled", date(2026, 12, 10)),
            Held(3, 3, "frozen", date(2027, 6, 1)), Held(4, 1, "ambient", date(2027, 6, 1))]
    found = {f.lot_id: f for f in fates(held, {}, {"chilled"}, DAY, ROUTE)}
    assert found[1] == Fate("expiry", 1, 1, f"left on the van after {ROUTE}, past its expiry date 2026-12-06")
    assert found[2] == Fate("waste", 2, 2, f"cold chain broken on {ROUTE}: chilled food handed over above 7 °C")
    assert (found[3].kind, found[4].kind) == ("return", "return")  # only the class handed over too warm
    frozen = fates([Held(3, 3, "frozen", date(2027, 6, 1))], {}, {"frozen"}, DAY, ROUTE)
    assert frozen == [Fate("waste", 3, 3, f"cold chain broken on {ROUTE}: frozen food handed over above -15 °C")]


def test_an_empty_van_or_one_whose_units_all_ride_on_moves_nothing():
    assert fates([], {}, {"chilled"}, DAY, ROUTE) == []
    assert fates([Held(1, 2, "frozen", DAY)], {1: 2}, set(), DAY, ROUTE) == []
