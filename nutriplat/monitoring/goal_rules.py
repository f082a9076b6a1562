"""Personal goals: which criteria can be measured, and how far a goal has come.

``sessions`` counts what the client or caregiver reports (walks, visits, an extra
snack); the other metrics are read from the record (weights, intake) and need no
reporting. A mean is only judged when the period is over; a count or a weight is met
as soon as it reaches the target."""
from __future__ import annotations

from dataclasses import dataclass

DOMAINS = ("nutrition", "activity", "social_contact")
DIRECTIONS = ("at_least", "at_most")


@dataclass(frozen=True)
class Metric:
    unit: str
    domains: tuple[str, ...]
    reported: bool  # progress comes from reports (True) or from the record (False)
    judged_at_end: bool
    directions: tuple[str, ...] = DIRECTIONS


METRICS = {
    "sessions": Metric("times", DOMAINS, reported=True, judged_at_end=False, directions=("at_least",)),
    "weight_kg": Metric("kg", ("nutrition",), reported=False, judged_at_end=False),
    "mean_percent_eaten": Metric("%", ("nutrition",), reported=False, judged_at_end=True),
    "fluid_ml_per_day": Metric("ml", ("nutrition",), reported=False, judged_at_end=True),
}


@dataclass(frozen=True)
class Progress:
    value: float | None  # what was achieved so far (None: nothing measured yet)
    fraction: float  # 0..1 of the way to the target
    met: bool


def criterion_errors(domain: str, metric: str, direction: str, target: float) -> dict[str, str]:
    """Every reason the criterion cannot be measured, by field."""
    errors: dict[str, str] = {}
    spec = METRICS.get(metric)
    if spec is None:
        return {"metric": f"Must be one of: {', '.join(METRICS)}."}
    if domain not in spec.domains:
        errors["metric"] = f"'{metric}' measures {', '.join(spec.domains)} goals only."
    if direction not in spec.directions:
        errors["direction"] = f"'{metric}' goals are {' or '.join(spec.directions)}."
    if target <= 0:
        errors["target"] = "Must be more than 0."
    return errors


def progress(metric: str, direction: str, target: float, observed: float | None,
             period_over: bool) -> Progress:
    if observed is None:
        return Progress(None, 0.0, False)
    reached = observed >= target if direction == "at_least" else observed <= target
    if direction == "at_least":
        fraction = min(1.0, max(0.0, observed / target))
    else:
        fraction = 1.0 if reached else max(0.0, target / observed) if observed else 1.0
    judged = period_over or not METRICS[metric].judged_at_end
    return Progress(round(observed, 1), round(fraction, 3), reached and judged)
