"""The contracting method of an agreement: outcomes (an aim dimension of the quintuple
aim) → objectives → the agreement's indicators, and for each indicator how it is measured
(instrument, who measures, the data source that counts, frequency, audit rule)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nutriplat.indicators.vocabulary import measures_of

NATIVE = "nutriplat"  # the platform's own records; any other source is a cofinancer's
FIELDS = ("instrument", "measured_by", "data_source", "frequency", "audit_rule")


def measurement(item: Mapping[str, Any]) -> dict[str, Any]:
    """The measurement fields of one agreement indicator, as stored (decimals as text)."""
    found = {name: item.get(name) for name in FIELDS}
    found["data_source"] = found["data_source"] or NATIVE
    if found["audit_rule"]:
        found["audit_rule"] = {key: None if value is None else (value if isinstance(value, int) else str(value))
                               for key, value in found["audit_rule"].items()}
    return found


def source_error(data_source: str | None, numerator: Mapping[str, Any],
                 denominator: Mapping[str, Any] | None) -> str | None:
    """Why a cofinancer's source cannot be the one that counts for a definition, or None: its
    file stands in for the client measures the definition reads, so it must read one."""
    if (data_source or NATIVE) == NATIVE or measures_of(numerator, denominator or {}):
        return None
    return (f"A source's figures stand in for the measures an indicator reads; this one reads none (only flags "
            f"or the staff survey), so it is counted from {NATIVE}.")


def verifier_error(verifier: tuple[int | None, str, bool] | None, organisation_id: int,
                   allowed: Sequence[str]) -> str | None:
    """Why the user named in an audit rule (organisation, role, active) may not verify, or None.
    The verifier is a user of the provider with a role allowed to verify, never free text."""
    if verifier is None or verifier[0] != organisation_id:
        return "No user of the provider with this id."
    if verifier[1] not in allowed or not verifier[2]:
        return (f"Must be an active user of the provider whose role may verify an audit ({' or '.join(allowed)}); "
                "they never verify a measurement they recorded themselves.")
    return None


def outcome_errors(outcomes: Sequence[Mapping[str, Any]], codes: Sequence[str]) -> dict[str, str]:
    """Every objective measures the agreement's own indicators."""
    errors = {}
    for o, outcome in enumerate(outcomes):
        for j, objective in enumerate(outcome.get("objectives") or []):
            for n, code in enumerate(objective.get("indicators") or []):
                if code not in codes:
                    errors[f"outcomes.{o}.objectives.{j}.indicators.{n}"] = "Must be one of the agreement's indicators."
    return errors
