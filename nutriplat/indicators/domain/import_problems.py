"""Why a cofinancer's file is refused, as stable codes: the API sends each field's English text
with its code (``reasons``) and the refusal's code as a whole (``reason``); the web pages
translate by code, filling in the same values; the refusal log keeps the codes, never a row.

``REASONS`` are the refusals of a whole file; ``TEXTS`` the English of each problem, whose
``{names}`` are filled in from the problem's params (values of the agreement or counts — never a
row's pseudonym or figure). Pure, no database."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from nutriplat.errors import DomainError

INVALID_FILE, DIFFERENCING, SETTLED, DUPLICATE, NO_KEY, REPORT_CHANGED = (
    "invalid_file", "differencing", "settled_period", "duplicate_file", "no_pseudonym_key", "report_changed")

# the refusal as a whole, as the import list shows it
REASON_TEXTS: Final[Mapping[str, str]] = {
    INVALID_FILE: "The file breaks the documented layout or the agreement's rules.",
    DIFFERENCING: "It would change a month's published reconciliation by too few rows.",
    SETTLED: "It covers a settled period, whose figures never change.",
    DUPLICATE: "The same file was imported already.",
    NO_KEY: "No pseudonym key is configured, so nothing can be matched.",
    REPORT_CHANGED: "A frozen report cannot be made again with its figures without exposing a person.",
    "conflict": "Another import of the agreement was written at the same moment.",
}

TEXTS: Final[Mapping[str, str]] = {
    "file_empty": "The file is empty.",
    "header": "The header must be {columns}.",
    "no_rows": "The file has no rows.",
    "too_many_rows": "At most {limit} rows per file.",
    "columns": "Must have {expected} columns, not {found}.",
    "pseudonym_format": "Must be the 64 hexadecimal characters of the agreed keyed hash.",
    "pseudonym_repeated": "Repeats line {line} (same pseudonym, month and measure).",
    "month_format": "Must be a month, YYYY-MM.",
    "month_outside": "Must lie within the agreement, {first} to {last}.",
    "measure_not_counted": "Must be a measure the agreement counts from this source: {measures}.",
    "no_measure_counted": "The agreement counts no measure from this source.",
    "value_number": "Must be a number, 0 or more.",
    "value_whole": "Must be a whole number.",
    "source_unknown": "Must be a data source the agreement names: {sources}.",
    "settled": "Covers the settled period {period}.",
    "differencing_rows": ("{month} {measure}: {rows} of its rows differ from an earlier file's; a correction must "
                          "change none or at least {threshold}, or the two summaries would tell whether those rows "
                          "match a client."),
    # which count, and by how much, is not said: it would tell as much as the summaries
    "differencing_counts": ("{month} {measure}: a count of its summary (matched, unmatched, ambiguous, differing or "
                            "compared rows) would move by 1 to {below} from an earlier file's, which would tell "
                            "single rows' match."),
    "duplicate": "Imported already.",
    "no_key": "Set {variable} in the service's environment.",
    "report_changed": "{period} was frozen on other records ({indicator}).",
    "report_breakdown_changed": "{period} was frozen on other records (a breakdown).",
    "report_exposes": "{period} cannot take these figures without exposing a person.",
}


@dataclass(frozen=True)
class Problem:
    """One problem of a file: its code and the values its text names."""

    code: str
    params: Mapping[str, str | int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return TEXTS[self.code].format(**self.params)


def texts(problems: Mapping[str, list[Problem]]) -> dict[str, list[str]]:
    return {name: [p.text for p in found] for name, found in problems.items()}


def counts(problems: Mapping[str, list[Problem]]) -> dict[str, int]:
    """How many of each problem: what the refusal log keeps (no field names a row's line)."""
    found: dict[str, int] = {}
    for listed in problems.values():
        for problem in listed:
            found[problem.code] = found.get(problem.code, 0) + 1
    return found


def refused(error: type[DomainError], message: str, problems: Mapping[str, list[Problem]],
            reason: str) -> DomainError:
    """The error that refuses a file: the English texts, each with its code and values."""
    return error(message, texts(problems), reason=reason,
                 coded={name: [(p.code, p.params) for p in found] for name, found in problems.items()})
