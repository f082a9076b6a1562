"""The rule parameters a dietitian may set for one client (with a reason), their defaults
and their bounds. A client whose intake has been at 70 % for months and is stable is not a
new signal every day: their own threshold says so. Changing a default or a bound is a new
``VERSION`` (documented in the README)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

VERSION = "2026-12.3"  # 2026-12.2: intake_drop_points (the client's own baseline); 2026-12.3: recent_discharge


@dataclass(frozen=True)
class Parameter:
    default: float
    lowest: float
    highest: float
    meaning: str


PARAMETERS: dict[str, Parameter] = {
    "intake_day_percent": Parameter(50.0, 10.0, 90.0, "a day is low below this mean percent eaten "
                                                      "(intake_below_50_3_days)"),
    "intake_week_percent": Parameter(75.0, 20.0, 95.0, "the week is low below this mean percent eaten "
                                                       "(intake_below_75_7_days)"),
    "intake_drop_points": Parameter(15.0, 5.0, 40.0, "with a stable baseline, the week is low this many "
                                                     "points below the client's own level (intake_below_75_7_days)"),
    "weight_loss_1_month_percent": Parameter(5.0, 2.0, 15.0, "weight loss within 1 month that warns (weight_loss)"),
    "weight_loss_6_months_percent": Parameter(10.0, 4.0, 25.0, "weight loss within 6 months that warns "
                                                               "(weight_loss)"),
    "discharge_window_days": Parameter(14.0, 3.0, 60.0, "days after a hospital discharge that the client's case "
                                                        "carries it (recent_discharge)"),
}


def is_own(thresholds: Mapping[str, float], name: str) -> bool:
    """Whether the client's dietitian set this parameter for them."""
    return name in thresholds


def value(thresholds: Mapping[str, float], name: str) -> float:
    """The client's own value of a parameter, else its default."""
    return float(thresholds.get(name, PARAMETERS[name].default))
