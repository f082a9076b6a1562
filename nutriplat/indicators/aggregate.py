"""Indicator definitions applied to a client frame: numerator and denominator per
indicator, for the total and each category of each allowed breakdown."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from nutriplat.indicators.values import exact, indicator_value
from nutriplat.indicators.vocabulary import population, sources_of

PERIOD_ORDER = ("month", "quarter", "year")
EVERY_INDICATOR = ("segment",)  # the equity breakdown (equity.py): every indicator, whatever its definition lists


@dataclass(frozen=True)
class Definition:
    code: str
    version: int
    name: str
    unit: str
    numerator: Mapping[str, Any]
    denominator: Mapping[str, Any]
    multiplier: str
    decimals: int
    higher_is_better: bool
    period_type: str
    disaggregations: tuple[str, ...]

    @classmethod
    def of(cls, row: Any) -> Definition:
        """From a stored IndicatorDefinition (or anything with its attributes)."""
        return cls(row.code, row.version, row.name, row.unit, row.numerator, row.denominator, row.multiplier,
                   row.decimals, row.higher_is_better, row.period_type, tuple(row.disaggregations))

    def quantities(self) -> tuple[str, str]:
        """Keys of what it counts: indicators sharing one share a suppression pattern."""
        return (json.dumps(self.numerator, sort_keys=True), json.dumps(self.denominator, sort_keys=True))

    def counts_clients(self) -> bool:
        """A count over the denominator's clients: its report shows how many are outside it too."""
        return self.numerator.get("aggregate") == "count" and self.denominator.get("aggregate") == "count"

    def counts_staff(self) -> bool:
        """Over the staff survey's respondents (``staff_frame``), not the cohort's clients."""
        return population(self.numerator, self.denominator) == "staff"

    def sources(self) -> set[str]:
        """The data sources it reads (``vocabulary``)."""
        return sources_of(self.numerator, self.denominator)

    def reported_for(self, period_kind: str) -> bool:
        """A quarterly indicator is not reported for a month."""
        return PERIOD_ORDER.index(period_kind) >= PERIOD_ORDER.index(self.period_type)

    def value(self, numerator: Decimal, denominator: Decimal) -> Decimal | None:
        return indicator_value(numerator, denominator, self.multiplier, self.decimals)


@dataclass(frozen=True)
class Figure:
    indicator: str
    dimension: str | None
    category: str | None
    numerator: Decimal
    denominator: Decimal
    numerator_clients: int
    denominator_clients: int


def _parts(frame: pd.DataFrame, spec: Mapping[str, Any]) -> tuple[pd.Series, pd.Series]:
    """Per client: the contribution, and whether the client contributes at all."""
    where = np.ones(len(frame), dtype=bool)
    for flag in spec.get("where", ()):
        where &= frame[flag].to_numpy(dtype=bool)
    if spec["aggregate"] == "count":
        values = pd.Series(where.astype("int64"), index=frame.index)
        return values, pd.Series(where, index=frame.index)
    values = frame[spec["of"]].where(where, 0)
    return values, pd.Series(where & (values.to_numpy() != 0), index=frame.index)


def _broken_down(d: Definition, dimension: str, frame: pd.DataFrame) -> bool:
    """A definition's own breakdowns, and the equity aim's for every indicator when the frame
    carries it (the provider has voucher-programme segments)."""
    return dimension in d.disaggregations or (dimension in EVERY_INDICATOR and dimension in frame.columns)


def figures(frame: pd.DataFrame, definitions: Sequence[Definition],
            dimensions: Sequence[str]) -> list[Figure]:
    columns: dict[tuple[str, str], pd.Series] = {}
    for d in definitions:
        for side, spec in (("num", d.numerator), ("den", d.denominator)):
            columns[(d.code, side)], columns[(d.code, side + "_clients")] = _parts(frame, spec)
    wide = pd.DataFrame(columns, index=frame.index)
    tables: list[tuple[str | None, pd.DataFrame]] = [(None, wide.sum().to_frame().T.set_axis([None]))]
    tables += [(dim, wide.groupby(frame[dim], dropna=True, observed=True).sum()) for dim in dimensions
               if any(_broken_down(d, dim, frame) for d in definitions)]
    out = []
    for d in definitions:
        for dim, table in tables:
            if dim is not None and not _broken_down(d, dim, frame):
                continue
            for category, row in table.iterrows():
                out.append(Figure(
                    d.code, dim, None if dim is None else str(category),
                    exact(row[(d.code, "num")], d.numerator.get("scale")),
                    exact(row[(d.code, "den")], d.denominator.get("scale")),
                    int(row[(d.code, "num_clients")]), int(row[(d.code, "den_clients")])))
    return out
