"""What was eaten of a tray, in ward staff's words and as intake's percentage."""
from nutriplat.meals.domain.trays import EATEN, eaten_of, percent_of


def test_each_word_is_a_share_of_the_tray():
    assert {word: percent_of(word) for word in EATEN} == {
        "all": 100, "three_quarters": 75, "half": 50, "quarter": 25, "nothing": 0, "refused": 0}


def test_a_record_reads_back_as_the_nearest_word_and_refused_only_when_noted():
    assert [eaten_of(p, None) for p in (100, 75, 60, 50, 30, 0)] == [
        "all", "three_quarters", "half", "half", "quarter", "nothing"]
    assert eaten_of(0, "refused") == "refused"
