"""A month's reconciliation summary moves only by 0 or at least 5 rows (issue 21 follow-up):
two files one row apart must not tell the cofinancer whether that row is a client."""
from __future__ import annotations

from nutriplat.indicators.domain import summary_changes


def refusals(earlier, later):
    """The problems' English texts (their codes are checked where they matter)."""
    return [problem.text for problem in summary_changes.refusals(earlier, later)]


def row(pseudonym: str, status: str, value: str = "1", platform: str = "0", month: str = "2026-08"):
    matched = status == "matched"
    return {"pseudonym": pseudonym, "month": month, "measure": "admissions", "status": status,
            "source_value": value, "platform_value": platform if matched else None,
            "differs": value != platform if matched else None}


BASE = [row(f"c{n}", "matched") for n in range(10)] + [row(f"u{n}", "unmatched") for n in range(5)]


def test_one_added_row_is_refused_whatever_its_status_so_the_refusal_tells_nothing():
    for status in ("matched", "unmatched", "ambiguous"):
        [reason] = refusals([BASE], [*BASE, row("target", status)])
        assert reason.startswith("2026-08 admissions: 1 of its rows differ from an earlier file's")
        assert [p.code for p in summary_changes.refusals([BASE], [*BASE, row("target", status)])] == [
            "differencing_rows"]


def test_one_changed_value_is_refused_so_the_difference_cannot_give_the_platforms_figure():
    changed = [row("c0", "matched", value="2"), *BASE[1:]]
    [reason] = refusals([BASE], changed)
    assert "1 of its rows differ" in reason


def test_a_row_padded_with_four_known_rows_is_refused_when_a_count_moves_by_one():
    padded = [*BASE, row("target", "matched"), *(row(f"v{n}", "unmatched") for n in range(4))]
    [reason] = refusals([BASE], padded)
    assert "would move by 1 to 4" in reason and "matched" in reason
    assert "target" not in reason  # nor which count moved, nor by how much
    [problem] = summary_changes.refusals([BASE], padded)
    assert problem.code == "differencing_counts"  # the web page's Dutch text is chosen by it


def test_a_correction_of_five_rows_or_more_in_every_count_passes():
    corrected = [row(f"c{n}", "matched", value="0" if n < 5 else "1") for n in range(10)]
    corrected += [row(f"u{n}", "unmatched") for n in range(10)]
    assert refusals([BASE], corrected) == []
    assert refusals([BASE], list(reversed(BASE))) == []  # the same rows in another order


def test_every_earlier_file_counts_not_only_the_latest_and_other_months_are_not_compared():
    larger = [*BASE, *(row(f"w{n}", "unmatched") for n in range(10))]
    back_plus_one = [*BASE, row("target", "unmatched")]
    assert refusals([larger], back_plus_one) == []  # eleven rows from the latest file…
    assert refusals([BASE, larger], back_plus_one) == refusals([BASE], back_plus_one) != []  # …one from the first
    september = [row(f"c{n}", "matched", month="2026-09") for n in range(3)]
    assert refusals([BASE], september) == []
