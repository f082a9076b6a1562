"""The cofinancer's reconciliation summary, without a database: it knows its own file, so
no count or difference may tell whether one of its rows is a client or what the platform holds."""
from __future__ import annotations

from nutriplat.indicators.domain.reconciliation_summary import summarise


def rows(status: str, count: int, source: str = "1", platform: str | None = "1", month: str = "2026-08"):
    return [{"month": month, "measure": "admissions", "status": status, "source_value": source,
             "platform_value": platform if status == "matched" else None,
             "differs": None if status != "matched" or platform is None else source != platform}] * count


def test_all_rows_matched_says_of_each_that_it_is_a_client_so_the_counts_are_hidden():
    [cell] = summarise({("insurer", "2026-08"): rows("matched", 12)})
    assert (cell["rows"], cell["matched"], cell["unmatched"], cell["differing"]) == (12, None, None, None)
    assert cell["suppressed"] == ["ambiguous", "difference", "differing", "matched", "unmatched"]


def test_one_to_four_differing_rows_hide_the_difference_but_not_the_counts():
    entries = rows("matched", 8) + rows("matched", 2, source="3") + rows("unmatched", 6)
    [cell] = summarise({("insurer", "2026-08"): entries})
    assert (cell["matched"], cell["unmatched"], cell["ambiguous"]) == (10, 6, 0)
    assert (cell["differing"], cell["difference"], cell["suppressed"]) == (None, None, ["difference", "differing"])


def test_a_measure_only_the_source_records_has_no_platform_comparison():
    entries = rows("matched", 6, platform=None) + rows("unmatched", 5)
    [cell] = summarise({("insurer", "2026-08"): entries})
    assert (cell["matched"], cell["differing"], cell["difference"], cell["suppressed"]) == (6, None, None, [])


def test_only_the_rows_of_the_month_the_file_counts_for_are_summarised():
    entries = rows("matched", 5) + rows("unmatched", 5) + rows("matched", 7, month="2026-09")
    cells = summarise({("insurer", "2026-08"): entries})
    assert [(c["month"], c["rows"]) for c in cells] == [("2026-08", 10)]
