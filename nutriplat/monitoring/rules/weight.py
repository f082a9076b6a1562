"""Weight loss of at least 5 % within 1 month or at least 10 % within 6 months.

The reference is the highest weight measured in the window before the latest weight
(from exactly N calendar months earlier up to the day before), so a fall is caught
whichever weighing it started from. Percentages follow the screening spec: rounded
half-up to one decimal before they are compared."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nutriplat.monitoring.rules.findings import Finding
from nutriplat.screening.domain import add_months, weight_loss_percent

RULE = "weight_loss"
WINDOWS = ((1, 5.0), (6, 10.0))  # (months, minimum loss in percent)
DEFAULT_LIMITS = tuple(window[1] for window in WINDOWS)


def weight_loss(weights: Sequence[tuple[date, float]],
                limits: Sequence[float] = DEFAULT_LIMITS) -> Finding | None:
    """``limits``: the minimum loss of each window (the client's own thresholds)."""
    if not weights:
        return None
    current_day, current = weights[-1]
    for (months, _), limit in zip(WINDOWS, limits, strict=True):
        since = add_months(current_day, -months)
        window = [(day, kg) for day, kg in weights if since <= day < current_day]
        if not window:
            continue
        peak_day, peak = max(window, key=lambda w: (w[1], w[0]))
        loss = weight_loss_percent(peak, current)
        if loss >= limit:
            span = "1 month" if months == 1 else f"{months} months"
            return Finding(
                RULE, "high",
                f"Weight fell {loss:.1f} % within {span} ({peak:.1f} kg on {peak_day.isoformat()} → "
                f"{current:.1f} kg on {current_day.isoformat()}).",
                current_day,
                {"window_months": months, "loss_percent": loss, "from_kg": peak,
                 "from_on": peak_day.isoformat(), "to_kg": current, "to_on": current_day.isoformat()})
    return None
