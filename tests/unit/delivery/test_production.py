"""The kitchen's arithmetic of one product: needed less on hand, in whole lots; a batch's use-by."""
from datetime import date

import pytest

from nutriplat.delivery.domain.production import production, use_by


def test_what_stock_does_not_cover_is_made_in_whole_lots():
    made = production(home_units=30, ward_units=17, on_hand=12, lot_size=24)
    assert (made.needed, made.to_make, made.lots, made.lot_units) == (47, 35, 2, 48)


def test_enough_on_hand_makes_nothing():
    assert production(3, 4, 10, 24).lots == 0 and production(3, 4, 10, 24).to_make == 0


def test_a_lot_makes_at_least_one_unit():
    with pytest.raises(ValueError):
        production(1, 0, 0, 0)


def test_a_batch_is_eaten_by_the_last_day_of_its_shelf_life_counting_the_production_day():
    assert use_by(date(2026, 12, 9), 1) == date(2026, 12, 9)
    assert use_by(date(2026, 12, 30), 5) == date(2027, 1, 3)  # across the year
    with pytest.raises(ValueError):
        use_by(date(2026, 12, 9), 0)
