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

from nutriplat.indicators.domain.reconciliation_summary import cells, compared, counts
from nutriplat.indicators.suppression import THRESHOLD

Entry = Mapping[str, Any]


def refusals(earlier: Iterable[Sequence[Entry]], later: Sequence[Entry]) -> list[str]:
    """Why ``later`` (a file's report rows) may not follow the ``earlier`` files' reports of the
    same source: one line per month and measure, none when it may."""
    new = cells(later)
    found: set[tuple[str, str, str]] = set()
    for report in earlier:
        for (measure, month), entries in cells(report).items():
            if (measure, month) in new and (reason := _too_close(entries, new[(measure, month)])):
                found.add((month, measure, reason))
    return [f"{month} {measure}: {reason}" for month, measure, reason in sorted(found)]


def _too_close(old: Sequence[Entry], new: Sequence[Entry]) -> str | None:
    rows = _changed(old, new, lambda e: e["source_value"])
    if _small(rows):
        return (f"{rows} of its rows differ from an earlier file's; a correction must change none or at least "
                f"{THRESHOLD}, or the two summaries would tell whether those rows match a client.")
    before, after = counts(old), counts(new)
    moved = [abs(after[name] - before[name]) for name in before]
    moved.append(_changed(compared(old), compared(new), lambda e: (e["source_value"], e["platform_value"])))
    if any(_small(n) for n in moved):
        # which count, and by how much, is not said: it would tell as much as the summaries
        return (f"a count of its summary (matched, unmatched, ambiguous, differing or compared rows) would move by "
                f"1 to {THRESHOLD - 1} from an earlier file's, which would tell single rows' match.")
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
