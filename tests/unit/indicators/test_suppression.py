"""Small-cell suppression: no suppressed number can be recovered by subtraction across
breakdowns and totals, checked on hand-made tables and on random ones."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from nutriplat.indicators.disclosure import exposed
from nutriplat.indicators.report_computation import Row
from nutriplat.indicators.suppression import TOTAL, Cell, families, is_small, suppressed

DIMENSIONS = {"sex": ("female", "male"), "setting": ("home", "nursing_home", "hospital"),
              "age": ("<65", "65-74", "75-84", "85+")}


def cells_of(clients, indicator="share", counts_clients=False):
    """clients: list of (categories by dimension, in numerator, in denominator)."""
    groups: dict[tuple, list[int]] = {TOTAL: [0, 0]}
    for categories, numerator, denominator in clients:
        for key in [TOTAL, *categories.items()]:
            counts = groups.setdefault(key, [0, 0])
            counts[0] += numerator and denominator
            counts[1] += denominator
    return [Cell(indicator, key[0], key[1], n, d, counts_clients) for key, (n, d) in groups.items()]


def rows_of(cells, hidden):
    return [Row(c.indicator, "2026Q3", {} if c.dimension is None else {c.dimension: c.category},
                None if (c.indicator, c.dimension, c.category) in hidden else c.numerator_clients,
                None if (c.indicator, c.dimension, c.category) in hidden else c.denominator_clients,
                None, (c.indicator, c.dimension, c.category) in hidden) for c in cells]


def people(spec):
    """spec: [(sex, setting, count, how many of them in the numerator)]"""
    out = []
    for sex, setting, count, yes in spec:
        out += [({"sex": sex, "setting": setting}, i < yes, True) for i in range(count)]
    return out


def test_a_small_cell_and_its_complement_are_hidden():
    cells = cells_of(people([("female", "home", 20, 10), ("male", "hospital", 3, 1)]))
    hidden = suppressed(cells, {"share": "share"})
    assert ("share", "sex", "male") in hidden  # 3 men
    assert ("share", "sex", "female") in hidden  # complement: else men = total − women
    assert ("share", None, None) not in hidden  # 23 clients, 11 in the numerator: shown
    assert not exposed(rows_of(cells, hidden))


def test_one_hidden_cell_is_never_left_alone_in_a_breakdown():
    cells = cells_of(people([("female", "home", 30, 15), ("female", "nursing_home", 2, 1),
                             ("male", "hospital", 30, 15)]))
    hidden = suppressed(cells, {"share": "share"})
    in_setting = {key[2] for key in hidden if key[1] == "setting"}
    assert "nursing_home" in in_setting and len(in_setting) >= 2
    assert not exposed(rows_of(cells, hidden))


def test_hidden_cells_that_add_up_to_a_small_group_hide_one_more():
    # nursing_home (2) and hospital (2) are both small: hiding just these two would still
    # show that 4 clients live outside home (total − home).
    cells = cells_of(people([("female", "home", 30, 15), ("female", "nursing_home", 2, 0),
                             ("male", "hospital", 2, 0)]))
    hidden = suppressed(cells, {"share": "share"})
    assert {key[2] for key in hidden if key[1] == "setting"} == {"home", "nursing_home", "hospital"}
    assert ("share", None, None) not in hidden  # hidden together they are the whole cohort: not small
    assert not exposed(rows_of(cells, hidden))


def test_a_breakdown_with_one_populated_category_hides_the_total_with_it():
    cells = cells_of([({"instrument": "must"}, True, True)] * 3)
    hidden = suppressed(cells, {"share": "share"})
    assert {("share", None, None), ("share", "instrument", "must")} <= hidden


def test_a_small_numerator_is_hidden_even_in_a_large_group():
    assert is_small(3, 40) and is_small(0, 4) and not is_small(0, 40) and not is_small(0, 0)


def test_empty_cells_stay_shown():
    cells = cells_of(people([("female", "home", 10, 5), ("male", "home", 10, 5)]))
    cells.append(Cell("share", "setting", "hospital", 0, 0))
    assert not suppressed(cells, {"share": "share"})


def test_indicators_sharing_a_quantity_share_one_pattern():
    assert families({"coverage": ["screened", "cohort"], "at_risk": ["at_risk", "screened"],
                     "cost": ["euros", "months"], "admissions": ["admitted", "months"],
                     "weight": ["kg", "weighed"]}) == {
        "coverage": "coverage", "at_risk": "coverage", "cost": "cost", "admissions": "cost", "weight": "weight"}
    clients = people([("female", "home", 20, 10), ("male", "home", 12, 6)])
    coverage = cells_of(clients, "coverage")
    at_risk = [Cell("at_risk", c.dimension, c.category, 2 if c.category == "male" else 10, c.numerator_clients)
               for c in coverage]
    hidden = suppressed(coverage + at_risk, {"coverage": "f", "at_risk": "f"})
    assert {key[1:] for key in hidden if key[0] == "coverage"} == {key[1:] for key in hidden if key[0] == "at_risk"}
    assert ("coverage", "sex", "male") in hidden  # only at_risk's numerator (2) is small


def test_a_count_with_fewer_than_5_clients_outside_it_is_hidden():
    assert is_small(5, 5, complement=True)  # 5 of 5 at risk: everyone in the cell is at risk
    assert is_small(8, 10, complement=True) and is_small(40, 40, complement=True)
    assert not is_small(5, 10, complement=True) and not is_small(0, 40, complement=True)
    assert not is_small(5, 5)  # a sum (kg, meals) shows no count of who is outside it


def test_a_breakdown_cell_of_everyone_at_risk_is_hidden_with_a_complement():
    cells = cells_of(people([("female", "home", 5, 5), ("male", "home", 20, 10)]), counts_clients=True)
    hidden = suppressed(cells, {"share": "share"})
    assert {("share", "sex", "female"), ("share", "sex", "male")} <= hidden
    assert not exposed(rows_of(cells, hidden))


categories = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in DIMENSIONS.items()})
clients = st.lists(st.tuples(categories, st.booleans(), st.booleans()), max_size=60)


@settings(max_examples=300, deadline=None)
@given(clients)
def test_no_suppressed_number_can_be_recovered_from_the_shown_ones(population):
    cells = cells_of(population)
    hidden = suppressed(cells, {"share": "share"})
    rows = rows_of(cells, hidden)
    assert exposed(rows) == []
    by_key = {(c.dimension, c.category): c for c in cells}
    for cell in cells:  # every small cell is hidden
        if is_small(cell.numerator_clients, cell.denominator_clients):
            assert ("share", cell.dimension, cell.category) in hidden
    if ("share", None, None) not in hidden:  # what the hidden cells add up to is not small either
        for dimension in DIMENSIONS:
            parts = [by_key[k] for k in by_key if k[0] == dimension and ("share", *k) in hidden]
            assert len(parts) != 1
            assert not is_small(sum(p.numerator_clients for p in parts), sum(p.denominator_clients for p in parts))


def test_the_checker_itself_finds_a_lone_hidden_cell():
    cells = cells_of(people([("female", "home", 20, 10), ("male", "home", 3, 1)]))
    only_male = {("share", "sex", "male")}
    assert ("share", "2026Q3", "sex", "male") in exposed(rows_of(cells, only_male))
    assert Counter(r.suppressed for r in rows_of(cells, only_male))[True] == 1


@settings(max_examples=300, deadline=None)
@given(clients)
def test_no_hidden_cell_or_small_complement_is_recoverable_by_subtraction(population):
    cells = cells_of(population, counts_clients=True)
    hidden = suppressed(cells, {"share": "share"})
    assert exposed(rows_of(cells, hidden)) == []
    for cell in cells:  # every shown count has 0 or at least 5 clients inside and outside it
        if ("share", cell.dimension, cell.category) not in hidden and cell.denominator_clients:
            assert cell.numerator_clients == 0 or cell.numerator_clients >= 5
            assert cell.denominator_clients - cell.numerator_clients >= 5
