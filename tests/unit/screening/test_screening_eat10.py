"""EAT-10: ten items 0–4, total 0–40, ≥ 3 suspected swallowing problem."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, ScreeningInputError, score

ON = date(2026, 10, 1)
HOME = ClientFacts(care_setting="home")


def eat10(items, facts=HOME):
    return score("eat_10", {"items": items}, facts, ON)


@pytest.mark.parametrize("items, total, risk", [
    ([0] * 10, 0, "normal"),
    ([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 2, "normal"),
    ([1, 1, 1, 0, 0, 0, 0, 0, 0, 0], 3, "swallowing_problem_suspected"),
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 3], 3, "swallowing_problem_suspected"),
    ([4] * 10, 40, "swallowing_problem_suspected"),
    ((2, 0, 0, 0, 0, 0, 0, 0, 0, 0), 2, "normal"),   # a tuple is a list too
])
def test_total_and_risk(items, total, risk):
    result = eat10(items)
    assert (result.total_score, result.risk) == (total, risk)


def test_components_are_the_ten_items():
    result = eat10([0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
    assert dict(result.components) == {f"item_{i}": p for i, p in
                                       enumerate([0, 1, 2, 3, 4, 0, 1, 2, 3, 4], start=1)}


@pytest.mark.parametrize("setting, items, due", [   # product default, see schedule.py
    ("home", [0] * 10, date(2027, 10, 1)),
    ("nursing_home", [0] * 10, date(2027, 1, 1)),
    ("hospital", [0] * 10, date(2027, 1, 1)),
    ("home", [3] + [0] * 9, date(2026, 11, 1)),
    ("hospital", [4] * 10, date(2026, 11, 1)),
])
def test_next_due_product_default(setting, items, due):
    assert eat10(items, ClientFacts(care_setting=setting)).next_due == due


@pytest.mark.parametrize("items, reasons", [
    ([0] * 9, ["must be a list of exactly 10 integers (got 9)"]),
    ([0] * 11, ["must be a list of exactly 10 integers (got 11)"]),
    ([], ["must be a list of exactly 10 integers (got 0)"]),
    ([0, 0, 0, 5, 0, 0, 0, 0, 0, 0], ["item 4 must be an integer from 0 to 4"]),
    ([-1] + [0] * 9, ["item 1 must be an integer from 0 to 4"]),
    ([True] + [0] * 9, ["item 1 must be an integer from 0 to 4"]),
    ([2.0] + [0] * 9, ["item 1 must be an integer from 0 to 4"]),
    (["2"] + [0] * 9, ["item 1 must be an integer from 0 to 4"]),
    ([None] * 9, ["must be a list of exactly 10 integers (got 9)"]
     + [f"item {i} must be an integer from 0 to 4" for i in range(1, 10)]),
    ("0000000000", ["must be a list of exactly 10 integers from 0 to 4"]),
    (None, ["must be a list of exactly 10 integers from 0 to 4"]),
    ({"1": 0}, ["must be a list of exactly 10 integers from 0 to 4"]),
    (30, ["must be a list of exactly 10 integers from 0 to 4"]),
])
def test_bad_items_are_rejected_with_every_reason(items, reasons):
    with pytest.raises(ScreeningInputError) as exc:
        eat10(items)
    assert exc.value.errors == {"items": reasons}


def test_items_are_required():
    with pytest.raises(ScreeningInputError) as exc:
        score("eat_10", {}, HOME, ON)
    assert exc.value.errors == {"items": ["required"]}
