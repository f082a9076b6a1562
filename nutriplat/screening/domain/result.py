"""The immutable outcome of one screening."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from .provenance import Derived, to_json


def frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class ScreeningResult:
    """What the service stores (with the answers as given, performed_by and performed_at).

    ``components`` are points per item and always sum to ``total_score`` when there is one;
    ``inputs`` are the validated values actually scored (given and derived); ``derived``
    says which of them the domain filled in and from what; ``details`` holds
    instrument-specific intermediate results (e.g. NRS-2002 sub-scores)."""

    instrument: str
    instrument_version: str
    performed_on: date
    total_score: int | None
    risk: str
    components: Mapping[str, int]
    next_due: date
    inputs: Mapping[str, Any] = field(default_factory=dict)
    derived: Mapping[str, Derived] = field(default_factory=dict)
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("components", "inputs", "derived", "details"):
            object.__setattr__(self, name, frozen_map(getattr(self, name)))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, derived inputs with their sources."""
        return {
            "instrument": self.instrument,
            "instrument_version": self.instrument_version,
            "performed_on": self.performed_on.isoformat(),
            "total_score": self.total_score,
            "risk": self.risk,
            "components": dict(self.components),
            "next_due": self.next_due.isoformat(),
            "inputs": to_json(self.inputs),
            "derived": {k: d.as_dict() for k, d in self.derived.items()},
            "details": to_json(self.details),
        }
