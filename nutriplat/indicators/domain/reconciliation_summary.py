"""The reconciliation as a cofinancer may see it: per source, measure and month, how many of
its rows matched one client, none or several, how many matched figures differ from the
platform's and by how much in total — aggregates only, small cells hidden.

The cofinancer knows its own file (each row's pseudonym and value), so what it must not
learn is whether a given row is the provider's client, or that client's figure on the
platform. Hence, like rule 3 of the report (``suppression.is_small``):
- the status counts are hidden, all three, when any of them is 1–4 or fewer than 5 rows did
  or did not match (``all matched`` would say of every row that it is a client);
- ``differing`` and ``difference`` (Σ source − Σ platform over the matched rows) are hidden
  with the counts, and when 1–4 matched rows differ or fewer than 5 agree. The source's and
  the platform's totals are not shown: with the file in hand, the first could tell which
  rows matched. Pure functions, no database."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from nutriplat.indicators.suppression import is_small

STATUSES = ("matched", "unmatched", "ambiguous")
FIGURES = ("differing", "difference")


def summarise(latest: Mapping[tuple[str, str], Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """``latest``: per (source, month) the report rows of the file that counts for that month."""
    groups = {(source, measure, month): entries for (source, month), report in latest.items()
              for (measure, of), entries in cells(report).items() if of == month}
    return [_cell(source, measure, month, entries) for (source, measure, month), entries in sorted(groups.items())]


def cells(report: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], list[Mapping[str, Any]]]:
    """A file's report rows per (measure, month): the summary's cells."""
    grouped: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for entry in report:
        grouped[(entry["measure"], entry["month"])].append(entry)
    return grouped


def compared(entries: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The matched rows set beside a platform figure (a measure only the source records, ED
    visits, has none to compare)."""
    return [e for e in entries if e["status"] == "matched" and e.get("platform_value") is not None]


def counts(entries: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """A cell's counts before suppression: each status and the matched rows that differ."""
    return {**{status: sum(entry["status"] == status for entry in entries) for status in STATUSES},
            "differing": sum(bool(entry["differs"]) for entry in compared(entries))}


def _cell(source: str, measure: str, month: str, entries: list[Mapping[str, Any]]) -> dict[str, Any]:
    found, compared_ = counts(entries), compared(entries)
    statuses = {status: found[status] for status in STATUSES}
    cell: dict[str, Any] = {"source": source, "measure": measure, "month": month, "rows": len(entries), **statuses,
                            "differing": found["differing"] if compared_ else None, "difference": None}
    if compared_:
        cell["difference"] = str(sum((Decimal(e["source_value"]) - Decimal(e["platform_value"]) for e in compared_),
                                     Decimal(0)))
    hidden: set[str] = set()
    others = len(entries) - statuses["matched"]
    if any(is_small(n, n) for n in statuses.values()) or is_small(statuses["matched"], len(entries), complement=True) \
            or is_small(others, len(entries), complement=True):
        hidden = set(STATUSES)
    if hidden or (compared_ and is_small(found["differing"], len(compared_), complement=True)):
        hidden |= {name for name in FIGURES if cell[name] is not None}
    cell.update(dict.fromkeys(hidden))
    cell["suppressed"] = sorted(hidden)
    return cell
