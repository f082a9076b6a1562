"""The one exception the screening domain raises for bad input.

The service layer maps it to HTTP 422 with ``errors`` as the ``{"field": ["reason"]}``
part of the project's error shape, so every reason is keyed by the offending input key.
"""
from __future__ import annotations

from collections.abc import Mapping


class ScreeningInputError(ValueError):
    """Invalid, unknown or missing inputs; ``errors`` maps each key to all its reasons."""

    def __init__(self, errors: Mapping[str, list[str]]):
        self.errors: dict[str, list[str]] = {k: list(v) for k, v in errors.items()}
        detail = "; ".join(f"{k}: {', '.join(v)}" for k, v in self.errors.items())
        super().__init__(f"invalid input: {detail}")


class ErrorBag:
    """Collects reasons per key so a caller learns about every problem in one response."""

    def __init__(self) -> None:
        self._errors: dict[str, list[str]] = {}

    def add(self, key: str, reason: str) -> None:
        reasons = self._errors.setdefault(key, [])
        if reason not in reasons:
            reasons.append(reason)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ScreeningInputError(self._errors)
