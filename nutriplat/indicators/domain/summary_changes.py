"""A month's reconciliation summary, once published, moves only in steps a cofinancer cannot
difference (issue 21 follow-up).

Two files of a month one row apart would otherwise show, in their two summaries, whether
that row matched a client (``unmatched`` +1 or ``matched`` +1) or, for a changed value, the
client's figure on the platform (``difference`` moving by the change or not at all). So a
later file of a source is refused when, in any cell (measure, month) it shares with ANY
earlier file of the source (each was published once and may have been kept):
- 1–4 rows differ (a pseudonym appears, goes, or carries another value) — the cofinancer
  knows this itself, so the refusal tells it nothing;
- or a count — matched, unmatched, ambiguous, differing — or the matched rows compared with
  the platform (which carry ``difference``) moves by 1–4: padding the changed row with a
  few known rows must not let one row's status through.
Unchanged cells and changes of 5 or more pass: like rule 3 of the report, a single row is
then hidden among at least five. Pure functions, no database."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from nutriplat.indicators.domain.import_problems import Problem
from nutriplat.indicators.domain.reconciliation_summary import cells, compared, counts
from nutriplat.indicators.suppression import THRESHOLD

Entry = Mapping[str, Any]


def refusals(earlier: Iterable[Sequence[Entry]], later: Sequence[Entry]) -> list[Problem]:
    """Why ``later`` (a file's report rows) may not follow the ``earlier`` files' reports of the
    same source: one problem per month and measure, none when it may."""
    new = cells(later)
    found: set[tuple[str, str, str, int]] = set()
    for report in earlier:
        for (measure, month), entries in cells(report).items():
            if (measure, month) in new and (reason := _too_close(entries, new[(measure, month)])):
                found.add((month, measure, *reason))
    # per cell the rows that differ first: they are what the sender can check
    ordered = sorted(found, key=lambda f: (f[0], f[1], f[2] != "differencing_rows", f[3]))
    return [Problem(code, {"month": month, "measure": measure, "rows": rows, "threshold": THRESHOLD,
                           "below": THRESHOLD - 1})
            for month, measure, code, rows in ordered]


def _too_close(old: Sequence[Entry], new: Sequence[Entry]) -> tuple[str, int] | None:
    """The problem's code (and the rows that differ) when the two cells are a few rows apart."""
    rows = _changed(old, new, lambda e: e["source_value"])
    if _small(rows):
        return "differencing_rows", rows
    before, after = counts(old), counts(new)
    moved = [abs(after[name] - before[name]) for name in before]
    moved.append(_changed(compared(old), compared(new), lambda e: (e["source_value"], e["platform_value"])))
    if any(_small(n) for n in moved):
        return "differencing_counts", 0  # which count, by how much, or how many rows: never said
    return None


def _changed(old: Iterable[Entry], new: Iterable[Entry], value: Callable[[Entry], Any]) -> int:
    """How many pseudonyms' rows differ between two cells: appeared, gone or another value."""
    def by_pseudonym(entries: Iterable[Entry]) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = defaultdict(list)
        for entry in entries:
            grouped[entry["pseudonym"]].append(value(entry))
        return {pseudonym: sorted(values) for pseudonym, values in grouped.items()}
    before, after = by_pseudonym(old), by_pseudonym(new)
    return sum(before.get(p) != after.get(p) for p in before.keys() | after.keys())


def _small(change: int) -> bool:
    return 0 < change < THRESHOLD
