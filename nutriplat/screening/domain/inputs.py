"""The derivation layer's resolver: one place that decides each input's value.

For every key an instrument reads: a valid caller-supplied answer always wins; otherwise
the key's deriver computes it from the client facts (and records where from); otherwise,
if the instrument needs it, the key gets a "required" error. Keys are resolved lazily, so
conditional inputs (NRS-2002's final screening, MNA-SF's calf circumference) are derived
or demanded only when the rules actually read them. Errors are collected, not raised one
by one: ``check()`` raises once with everything found so far.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from .common import business_date
from .errors import ErrorBag
from .facts import ClientFacts
from .fields import Invalid, Validator
from .provenance import Derived, NotDerivable
from .result import ScreeningResult
from .schedule import SETTING_DEPENDENT, next_due, setting_needed


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # not given, not derivable, or given but invalid

Deriver = Callable[["Inputs"], Derived]


class Inputs:
    def __init__(self, instrument: str, answers: Any, fields: Mapping[str, Validator],
                 derivers: Mapping[str, Deriver], facts: ClientFacts | None,
                 performed_on: date | datetime, *, check_setting: bool = True) -> None:
        self.instrument = instrument
        self.on = business_date(performed_on)
        self.facts = facts if facts is not None else ClientFacts()
        self.errors = ErrorBag()
        self.given: dict[str, Any] = {}
        self.derived: dict[str, Derived] = {}
        self._fields, self._derivers = fields, derivers
        self._invalid: set[str] = set()
        self._why_not: dict[str, str] = {}
        self._read(answers)
        if check_setting and instrument in SETTING_DEPENDENT and self.facts.care_setting is None:
            self.errors.add("care_setting", setting_needed(instrument))

    def _read(self, answers: Any) -> None:
        if not isinstance(answers, Mapping):
            self.errors.add("answers", "must be an object of answer keys")
            return
        for key, raw in answers.items():
            if not isinstance(key, str) or key not in self._fields:
                self.errors.add(str(key), self._unknown(str(key)))
                continue
            try:
                self.given[key] = self._fields[key](raw)
            except Invalid as exc:
                self._invalid.add(key)
                for reason in exc.reasons:
                    self.errors.add(key, reason)

    def _unknown(self, key: str) -> str:
        # Imported here: the registry imports every instrument, which import this module.
        from .registry import owners_of
        owners = [o for o in owners_of(key) if o != self.instrument]
        hint = f" (it belongs to {', '.join(owners)})" if owners else ""
        return f"unknown key for {self.instrument}{hint}"

    def get(self, key: str, *, required: bool = True) -> Any:
        """The key's value, or MISSING (with an error recorded when ``required``)."""
        if key in self.given:
            return self.given[key]
        if key in self.derived:
            return self.derived[key].value
        if key not in self._invalid and key not in self._why_not and key in self._derivers:
            try:
                self.derived[key] = self._derivers[key](self)
                return self.derived[key].value
            except NotDerivable as exc:
                self._why_not[key] = exc.reason
        if required:
            self.require(key)
        return MISSING

    def require(self, key: str, alternative: str = "") -> None:
        """Record that ``key`` is needed but missing (no-op if it was given but invalid:
        that key already carries its reason)."""
        if key in self._invalid:
            return
        reason = "required"
        if key in self._why_not:
            reason += f": not given and cannot be derived ({self._why_not[key]})"
        self.errors.add(key, reason + alternative)

    def why_not(self, key: str) -> str | None:
        return self._why_not.get(key)

    def is_invalid(self, key: str) -> bool:
        return key in self._invalid

    def check(self) -> None:
        self.errors.raise_if_any()

    def used(self) -> dict[str, Any]:
        """Every value the scoring saw: the valid answers given plus the derived ones."""
        return {**self.given, **{k: d.value for k, d in self.derived.items()}}

    def result(self, version: str, total: int | None, risk: str, components: Mapping[str, int],
               details: Mapping[str, Any] | None = None) -> ScreeningResult:
        return ScreeningResult(
            instrument=self.instrument, instrument_version=version, performed_on=self.on,
            total_score=total, risk=risk, components=components,
            next_due=next_due(self.instrument, risk, self.facts.care_setting, self.on),
            inputs=self.used(), derived=self.derived, details=details or {})
