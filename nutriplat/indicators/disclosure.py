"""An independent check that suppression holds: could anyone work out a suppressed
number from the numbers shown?

Per indicator and period, every breakdown adds up to the total, for the numerator and
for the denominator alike. With the shown numbers filled in, each breakdown is one
linear equation in the hidden ones; a hidden number is exposed exactly when its unit
vector lies in the row space of those equations (rank test). The report runs this on
every table before it is released, and the tests run it on random tables."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np


def exposed(rows: Iterable[Any]) -> list[tuple[str, str, str | None, str | None]]:
    """(indicator, period, dimension, category) of every suppressed cell that the shown
    cells give away (the total has dimension None)."""
    tables: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in rows:
        tables[(row.indicator, row.period)].append(row)
    found = []
    for (indicator, period), table in tables.items():
        found += [(indicator, period, *key) for key in _exposed_in(table)]
    return found


def _key(row: Any) -> tuple[str | None, str | None]:
    return next(iter(row.disaggregation.items()), (None, None))


def _exposed_in(table: list[Any]) -> list[tuple[str | None, str | None]]:
    hidden = [_key(row) for row in table if row.suppressed]
    if not hidden:
        return []
    dimensions = sorted({key[0] for key in map(_key, table) if key[0] is not None})
    column = {key: i for i, key in enumerate(hidden)}
    equations = np.zeros((len(dimensions), len(hidden)))
    for r, dimension in enumerate(dimensions):
        for key in hidden:
            if key[0] == dimension:
                equations[r, column[key]] = 1.0
        if (None, None) in column:  # cells − total = 0
            equations[r, column[(None, None)]] = -1.0
    rank = np.linalg.matrix_rank(equations) if len(dimensions) else 0
    out = []
    for key, i in column.items():
        unit = np.zeros((1, len(hidden)))
        unit[0, i] = 1.0
        if len(dimensions) and np.linalg.matrix_rank(np.vstack([equations, unit])) == rank:
            out.append(key)
    return out
