"""Pure logic of handovers: the weight trend handed over."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any


def weight_trend(weights: Sequence[tuple[date, float]]) -> dict[str, Any] | None:
    """The weights oldest first, and the change from the first to the last (kg and %)."""
    if not weights:
        return None
    first, last = weights[0][1], weights[-1][1]
    change = round(last - first, 1)
    return {"weights": [{"on": on.isoformat(), "kg": kg} for on, kg in weights],
            "change_kg": change,
            "change_percent": round(100 * (last - first) / first, 1) if first else None}
