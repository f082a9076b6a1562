"""The documented layout of a cofinancer's figures, read and checked without a database.

One header line ``pseudonym,month,measure,value`` (comma or semicolon), then one row per
client, month and measure: ``pseudonym`` the 64 hex characters of ``pseudonyms.pseudonym``,
``month`` YYYY-MM, ``measure`` one the agreement's indicators counted from this source read
(``accepted``: e.g. ``admissions``, ``ed_visits``, ``days_at_home``,
``nursing_home_admissions``, ``service_cost_cents``), ``value`` a number ≥ 0 (a whole number
for counts, ``vocabulary.WHOLE``). Every problem of every row is collected (``rows.<line>.<column>``) before
anything is written."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from nutriplat.indicators.pseudonyms import PSEUDONYM
from nutriplat.indicators.vocabulary import WHOLE

COLUMNS: Final = ("pseudonym", "month", "measure", "value")
MAX_ROWS: Final = 500_000
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class SourceRow:
    line: int
    pseudonym: str
    month: str
    measure: str
    value: Decimal


def parse(text: str, accepted: Collection[str]) -> tuple[list[SourceRow], dict[str, list[str]]]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        return [], {"file": ["The file is empty."]}
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    if tuple(header) != COLUMNS:
        return [], {"file": [f"The header must be {','.join(COLUMNS)}."]}
    rows: list[SourceRow] = []
    errors: dict[str, list[str]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors["file"] = [f"At most {MAX_ROWS} rows per file."]
            break
        row, problems = _row(line, cells, accepted)
        if row is not None:
            key = (row.pseudonym, row.month, row.measure)
            if key in seen:
                problems["pseudonym"] = f"Repeats line {seen[key]} (same pseudonym, month and measure)."
            seen.setdefault(key, line)
        for column, problem in problems.items():
            errors[f"rows.{line}.{column}"] = [problem]
        if row is not None and not problems:
            rows.append(row)
    if not rows and not errors:
        errors["file"] = ["The file has no rows."]
    return rows, errors


def _row(line: int, cells: list[str], accepted: Collection[str]) -> tuple[SourceRow | None, dict[str, str]]:
    if len(cells) != len(COLUMNS):
        return None, {"line": f"Must have {len(COLUMNS)} columns, not {len(cells)}."}
    pseudonym, month, measure, text = (cell.strip() for cell in cells)
    problems = {}
    if not PSEUDONYM.match(pseudonym.lower()):
        problems["pseudonym"] = "Must be the 64 hexadecimal characters of the agreed keyed hash."
    if not _MONTH.match(month):
        problems["month"] = "Must be a month, YYYY-MM."
    if measure not in accepted:
        listed = ", ".join(sorted(accepted))
        problems["measure"] = (f"Must be a measure the agreement counts from this source: {listed}."
                               if accepted else "The agreement counts no measure from this source.")
    value = _number(text)
    if value is None or value < 0:
        problems["value"] = "Must be a number, 0 or more."
    elif measure in WHOLE and value != value.to_integral_value():
        problems["value"] = "Must be a whole number."
    if problems or value is None:
        return None, problems
    return SourceRow(line, pseudonym.lower(), month, measure, value), problems


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
