"""Domain errors. Services raise these; the API layer maps them to HTTP (see
``nutriplat.http_errors``). No Flask here, so services stay framework-free."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Coded = tuple[str, Mapping[str, Any]]  # a reason's stable code and the values its text names


class DomainError(Exception):
    status = 400

    def __init__(self, message: str, errors: Mapping[str, Sequence[str]] | None = None,
                 reason: str | None = None, coded: Mapping[str, Sequence[Coded]] | None = None):
        """``reason``: a stable code of the refusal as a whole; ``coded``: per field, the code
        and values of each reason in ``errors`` (same order) — the API sends the codes beside
        the English texts, and the web pages translate by them."""
        super().__init__(message)
        self.message = message
        self.errors = {k: list(v) for k, v in (errors or {}).items()}
        self.reason = reason
        self.coded = {k: list(v) for k, v in (coded or {}).items()}


class InvalidInput(DomainError):
    """422: the request is well-formed but a value breaks a rule."""

    status = 422


class NotAuthenticated(DomainError):
    status = 401


class Forbidden(DomainError):
    status = 403


class NotFound(DomainError):
    """404: unknown, or not visible to the caller (we do not reveal which)."""

    status = 404


class Conflict(DomainError):
    """409: duplicate, stale version, or a state that forbids the change."""

    status = 409


class WriteConflict(Conflict):
    """409 raised by the database itself: a unique key or a version check refused the
    write of a concurrent request (see ``nutriplat.conflicts``)."""


class TooManyRequests(DomainError):
    status = 429

    def __init__(self, message: str, retry_after_s: int):
        super().__init__(message)
        self.retry_after_s = retry_after_s


class ErrorCollector:
    """Collects every problem before anything is written (Superset's validate())."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, reason: str) -> None:
        self.errors.setdefault(field, []).append(reason)

    def raise_if_any(self, message: str = "The request has invalid values.") -> None:
        if self.errors:
            raise InvalidInput(message, self.errors)
