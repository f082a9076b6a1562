"""The report's rows arranged for the dashboard: per indicator its total for the
baseline and the chosen period against the target, and the period's breakdowns.
Pure: takes the report the service made, adds no figure of its own."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nutriplat.indicators.payments import better_or_equal
from nutriplat.indicators.report_computation import Row


@dataclass
class IndicatorView:
    code: str
    name: str
    unit: str
    version: int
    period_type: str
    higher_is_better: bool
    target: Decimal | None
    totals: dict[str, Row | None] = field(default_factory=dict)  # period label -> total row
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)  # dimension -> rows

    @property
    def met(self) -> bool | None:
        """Whether the chosen period's total reaches the target (None: nothing to judge)."""
        row = list(self.totals.values())[-1] if self.totals else None
        if row is None or row.value is None or self.target is None:
            return None
        return better_or_equal(row.value, self.target, self.higher_is_better)


def arrange(indicators: Sequence[Mapping[str, Any]], rows: Sequence[Row],
            periods: Sequence[str]) -> list[IndicatorView]:
    """``periods``: the labels to show, the chosen period last."""
    views = {item["code"]: IndicatorView(
        str(item["code"]), str(item["name"]), str(item["unit"]), int(item["version"]),
        str(item["period_type"]), bool(item["higher_is_better"]), item["target"],
        {label: None for label in periods}) for item in indicators}
    for row in rows:
        view = views.get(row.indicator)
        if view is None or row.period not in view.totals:
            continue
        if not row.disaggregation:
            view.totals[row.period] = row
        elif row.period == periods[-1]:
            view.breakdowns.setdefault(next(iter(row.disaggregation)), []).append(row)
    return list(views.values())


def suppressed_count(views: Sequence[IndicatorView]) -> int:
    return sum(row is not None and row.suppressed for v in views for row in
               [*v.totals.values(), *(r for rows in v.breakdowns.values() for r in rows)])


def places(value: Decimal | float | None) -> int:
    """The decimals a figure was computed with (so 62.5 is not shown as 62.50 or 63)."""
    if value is None:
        return 0
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return max(0, -int(exponent))
