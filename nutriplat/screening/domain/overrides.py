"""A dietitian's override of a computed target, and which value is in force on a date.

An override wins on every day from ``valid_from`` to ``valid_until`` inclusive (open-ended
when ``valid_until`` is None). When several are valid on the same day, the one that started
latest wins, and of those starting the same day the one listed last (recorded last): the
newest decision replaces the older one without the history being edited.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .common import Number, business_date
from .errors import ErrorBag
from .fields import Invalid, number
from .targets import NutrientTargets

TARGETS = ("energy_kcal", "protein_g", "fluid_ml")
_VALUE = number(gt=0, le=100_000)


@dataclass(frozen=True)
class TargetOverride:
    value: Number
    reason: str
    valid_from: date
    valid_until: date | None = None
    target: str | None = None  # which target; needed by effective_targets only

    def __post_init__(self) -> None:
        errors = ErrorBag()
        try:
            _VALUE(self.value)
        except Invalid as exc:
            for r in exc.reasons:
                errors.add("value", r)
        if not isinstance(self.reason, str) or not self.reason.strip():
            errors.add("reason", "an override needs a reason")
        for name in ("valid_from", "valid_until"):
            v = getattr(self, name)
            if v is None and name == "valid_until":
                continue
            if not isinstance(v, date):
                errors.add(name, "must be a date")
            elif isinstance(v, datetime):
                object.__setattr__(self, name, business_date(v))
        if (isinstance(self.valid_from, date) and isinstance(self.valid_until, date)
                and self.valid_until < self.valid_from):
            errors.add("valid_until", "must not be before valid_from")
        if self.target is not None and self.target not in TARGETS:
            errors.add("target", "must be one of: " + ", ".join(TARGETS))
        errors.raise_if_any()

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class EffectiveTarget:
    computed: Number
    computed_method: str
    effective: Number
    effective_method: str  # the computed method, or "override"
    override: TargetOverride | None = None

    def as_dict(self) -> dict[str, Any]:
        o = self.override
        return {"computed": self.computed, "computed_method": self.computed_method,
                "effective": self.effective, "effective_method": self.effective_method,
                "override": None if o is None else {
                    "value": o.value, "reason": o.reason, "valid_from": o.valid_from.isoformat(),
                    "valid_until": o.valid_until.isoformat() if o.valid_until else None}}


def effective_value(computed: Number, override: TargetOverride | Iterable[TargetOverride] | None,
                    on: date | datetime, method: str = "espen_geriatric") -> EffectiveTarget:
    """The value in force on ``on``: the winning valid override, else the computed value."""
    day = business_date(on)
    candidates = [override] if isinstance(override, TargetOverride) else list(override or ())
    valid = [(o.valid_from, i, o) for i, o in enumerate(candidates) if o.valid_on(day)]
    if not valid:
        return EffectiveTarget(computed, method, computed, method)
    chosen = max(valid, key=lambda t: t[:2])[2]
    return EffectiveTarget(computed, method, chosen.value, "override", chosen)


def effective_targets(targets: NutrientTargets, overrides: Iterable[TargetOverride],
                      on: date | datetime) -> Mapping[str, EffectiveTarget]:
    """All three targets with their computed and effective values (overrides by ``target``)."""
    listed = list(overrides)
    if any(o.target is None for o in listed):
        raise ValueError("every override passed to effective_targets needs its target")
    return {name: effective_value(getattr(targets, name),
                                  [o for o in listed if o.target == name], on, targets.method)
            for name in TARGETS}
