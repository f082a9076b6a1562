"""The documented layout of a cofinancer's figures, read and checked without a database.

One header line ``pseudonym,month,measure,value`` (comma or semicolon), then one row per
client, month and measure: ``pseudonym`` the 64 hex characters of ``pseudonyms.pseudonym``,
``month`` YYYY-MM, ``measure`` one the indicators counted from this source read in the
agreement version in force for the month (``accepted``, by month, any month's for a
malformed one: e.g. ``admissions``, ``ed_visits``, ``days_at_home``,
``nursing_home_admissions``, ``service_cost_cents``), ``value`` a number ≥ 0 (a whole number
for counts, ``vocabulary.WHOLE``). Every problem of every row is collected (``rows.<line>.<column>``) before
anything is written, each with its stable code (``domain.import_problems``)."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from nutriplat.indicators.domain.import_problems import Problem
from nutriplat.indicators.pseudonyms import PSEUDONYM
from nutriplat.indicators.vocabulary import WHOLE

COLUMNS: Final = ("pseudonym", "month", "measure", "value")
MAX_ROWS: Final = 500_000
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
Accepted = Callable[[str | None], Collection[str]]  # a month's accepted measures; None: any month's


@dataclass(frozen=True)
class SourceRow:
    line: int
    pseudonym: str
    month: str
    measure: str
    value: Decimal


def parse(text: str, accepted: Accepted) -> tuple[list[SourceRow], dict[str, list[Problem]]]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        return [], {"file": [Problem("file_empty")]}
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    if tuple(header) != COLUMNS:
        return [], {"file": [Problem("header", {"columns": ",".join(COLUMNS)})]}
    rows: list[SourceRow] = []
    errors: dict[str, list[Problem]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors["file"] = [Problem("too_many_rows", {"limit": MAX_ROWS})]
            break
        row, problems = _row(line, cells, accepted)
        if row is not None:
            key = (row.pseudonym, row.month, row.measure)
            if key in seen:
                problems["pseudonym"] = Problem("pseudonym_repeated", {"line": seen[key]})
            seen.setdefault(key, line)
        for column, problem in problems.items():
            errors[f"rows.{line}.{column}"] = [problem]
        if row is not None and not problems:
            rows.append(row)
    if not rows and not errors:
        errors["file"] = [Problem("no_rows")]
    return rows, errors


def _row(line: int, cells: list[str], accepted: Accepted) -> tuple[SourceRow | None, dict[str, Problem]]:
    if len(cells) != len(COLUMNS):
        return None, {"line": Problem("columns", {"expected": len(COLUMNS), "found": len(cells)})}
    pseudonym, month, measure, text = (cell.strip() for cell in cells)
    problems = {}
    if not PSEUDONYM.match(pseudonym.lower()):
        problems["pseudonym"] = Problem("pseudonym_format")
    if not _MONTH.match(month):
        problems["month"] = Problem("month_format")
    if measure not in (allowed := accepted(month if "month" not in problems else None)):
        problems["measure"] = (Problem("measure_not_counted", {"measures": ", ".join(sorted(allowed))})
                               if allowed else Problem("no_measure_counted"))
    value = _number(text)
    if value is None or value < 0:
        problems["value"] = Problem("value_number")
    elif measure in WHOLE and value != value.to_integral_value():
        problems["value"] = Problem("value_whole")
    if problems or value is None:
        return None, problems
    return SourceRow(line, pseudonym.lower(), month, measure, value), problems


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
