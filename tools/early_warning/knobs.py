"""The main parameters of the rules, to vary for the trade-off curve
(``--set intake_drop_points=20``): each run of the evaluation is one process, so a setting
changes the parameter for that run only. The service itself reads its configured values."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from nutriplat.monitoring.rules import baseline, merge
from nutriplat.monitoring.rules.thresholds import PARAMETERS


def _default(name: str) -> Callable[[float], None]:
    def set_default(value: float) -> None:
        PARAMETERS[name] = replace(PARAMETERS[name], default=value)
    return set_default


KNOBS: dict[str, Callable[[float], None]] = {
    "intake_drop_points": _default("intake_drop_points"),
    "intake_day_percent": _default("intake_day_percent"),
    "discharge_window_days": _default("discharge_window_days"),
    "clear_after_days": lambda v: setattr(merge, "CLEAR_AFTER_DAYS", int(v)),
    "fluid_drop_share": lambda v: setattr(baseline, "FLUID_DROP_SHARE", v),
    "day_drop_points": lambda v: setattr(baseline, "DAY_DROP_POINTS", v),
}


def apply(settings: list[str]) -> dict[str, float]:
    """``name=value`` pairs; an unknown name or a bad value is a ValueError naming it."""
    applied = {}
    for setting in settings:
        name, _, raw = setting.partition("=")
        if name not in KNOBS:
            raise ValueError(f"unknown parameter {name!r}: one of {', '.join(KNOBS)}")
        applied[name] = float(raw)
        KNOBS[name](applied[name])
    return applied
