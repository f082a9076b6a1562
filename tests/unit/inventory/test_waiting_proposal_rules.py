"""What a night does to a purchase-proposal line still waiting for a buyer (pure rule)."""
from __future__ import annotations

from nutriplat.inventory.domain.replenishment import WaitingLine, refresh_waiting


def test_a_line_the_night_made_follows_tonights_need():
    assert refresh_waiting(WaitingLine(300, False), 240) == WaitingLine(240, False, None)


def test_a_buyers_quantity_is_kept_with_the_differing_need_beside_it():
    assert refresh_waiting(WaitingLine(100, True), 300) == WaitingLine(100, True, 300)
    assert refresh_waiting(WaitingLine(100, True, 300), 260) == WaitingLine(100, True, 260)


def test_a_need_that_agrees_with_the_buyer_leaves_no_suggestion():
    assert refresh_waiting(WaitingLine(100, True, 300), 100) == WaitingLine(100, True, None)


def test_the_same_need_twice_changes_nothing():
    for line in (WaitingLine(300, False), WaitingLine(100, True), WaitingLine(100, True, 280)):
        once = refresh_waiting(line, 280)
        assert refresh_waiting(once, 280) == once


def test_a_night_that_needs_nothing_says_so_beside_a_buyers_quantity():
    assert refresh_waiting(WaitingLine(100, True, 300), 0) == WaitingLine(100, True, 0)
