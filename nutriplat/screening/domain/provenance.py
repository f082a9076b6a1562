"""Where a derived input came from: the value, the rule used and the facts it was read from.

Stored with every result (spec: "derived inputs") so a dietitian can see that a BMI of 21.3
came from the weight of 1 October and the height of 2 March, and the service can echo
measurement ids.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .facts import Measurement


class NotDerivable(Exception):
    """A key could not be derived; ``reason`` ends up in the 422 message for that key."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """One fact a derived value was computed from.

    ``origin`` is ``measurement`` (a stored measurement), ``client`` (the client record,
    e.g. birth date), ``answers`` (another key the caller gave) or ``derived`` (another key
    derived first)."""

    fact: str
    value: Any
    origin: str = "measurement"
    measured_at: date | None = None
    measurement_id: Any = None

    @classmethod
    def of(cls, fact: str, m: Measurement) -> Source:
        return cls(fact, m.value, "measurement", m.measured_at, m.id)

    def as_dict(self) -> dict[str, Any]:
        out = {"fact": self.fact, "value": to_json(self.value), "origin": self.origin}
        if self.measured_at is not None:
            out["measured_at"] = self.measured_at.isoformat()
        if self.measurement_id is not None:
            out["measurement_id"] = self.measurement_id
        return out


@dataclass(frozen=True)
class Derived:
    """A value the caller left out and the domain filled in."""

    value: Any
    method: str
    sources: tuple[Source, ...]

    def as_dict(self) -> dict[str, Any]:
        """``{"value": 21.3, "method": "...", "from": [{"fact": "weight_kg", ...}, ...]}``"""
        return {"value": to_json(self.value), "method": self.method,
                "from": [s.as_dict() for s in self.sources]}


def to_json(value: Any) -> Any:
    """Plain JSON types: Decimal → float, date → ISO string, tuples → lists, nested."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value
