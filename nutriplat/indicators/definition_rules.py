"""What makes an indicator definition sound, checked before it is stored (pure: plain
values in, reasons by the part they concern out).

The language is a JSON structure, never code: numerator and denominator are each one
aggregate over the cohort's clients of the period,
``{"aggregate": "count", "where": [flag, …]}`` (the clients for whom every flag holds) or
``{"aggregate": "sum", "of": measure, "where": [flag, …], "scale": "0.01"}`` (a per-client
measure summed over them, ``scale`` setting its unit and places); the value is
numerator × multiplier / denominator. Measures and flags are the names in
``vocabulary.py``; nothing else is read, so nothing else can run."""
from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from nutriplat.indicators.catalogue import DISAGGREGATIONS, PERIOD_TYPES, TYPES
from nutriplat.indicators.vocabulary import AIMS, FLAGS, MEASURES, STAFF_FLAGS, STAFF_MEASURES, population

CODE = re.compile(r"^[a-z][a-z0-9_]{2,59}$")
AGGREGATE_KEYS = {"aggregate", "of", "where", "scale"}
BREAKDOWNS = ("instrument", *DISAGGREGATIONS, "segment")  # segment: the equity breakdown (equity.py)
STAFF_BREAKDOWNS = ("staff_group",)  # the staff survey's population (staff_frame.py)
ALL_MEASURES, ALL_FLAGS = {**MEASURES, **STAFF_MEASURES}, {**FLAGS, **STAFF_FLAGS}
# A breakdown whose categories only some clients have: safe only over those clients.
PARTIAL = {"instrument": "screened"}


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def aggregate_errors(side: str, spec: Any) -> dict[str, str]:
    if not isinstance(spec, Mapping):
        return {side: 'Must be an aggregate: {"aggregate": "count" or "sum", …}.'}
    errors = {f"{side}.{key}": "Not part of an aggregate (aggregate, of, where, scale)."
              for key in spec if key not in AGGREGATE_KEYS}
    kind = spec.get("aggregate")
    if kind not in ("count", "sum"):
        errors[f"{side}.aggregate"] = "Must be count or sum."
    if kind == "sum" and spec.get("of") not in ALL_MEASURES:
        errors[f"{side}.of"] = (f"Unknown measure {spec.get('of')!r}; the measures are: "
                                f"{', '.join(sorted(ALL_MEASURES))}.")
    if kind == "count" and "of" in spec:
        errors[f"{side}.of"] = "A count counts clients; it sums no measure."
    where = spec.get("where", [])
    if not isinstance(where, list):
        errors[f"{side}.where"] = "Must be a list of flags."
    else:
        for n, flag in enumerate(where):
            if flag not in ALL_FLAGS:
                errors[f"{side}.where.{n}"] = f"Unknown flag {flag!r}; the flags are: {', '.join(sorted(ALL_FLAGS))}."
    if "scale" in spec and ((scale := _number(spec["scale"])) is None or scale <= 0):
        errors[f"{side}.scale"] = "Must be a positive decimal, e.g. \"0.01\"."
    return errors


def definition_errors(data: Mapping[str, Any]) -> dict[str, str]:
    """Reasons, by part, that a definition cannot be stored (empty: sound)."""
    errors: dict[str, str] = {}
    if not CODE.match(str(data.get("code") or "")):
        errors["code"] = "Lower-case letters, digits and _, 3 to 60, starting with a letter."
    for name, allowed in (("type", TYPES), ("dimension", AIMS), ("period_type", PERIOD_TYPES)):
        if data.get(name) not in allowed:
            errors[name] = f"Must be one of: {', '.join(allowed)}."
    errors |= aggregate_errors("numerator", data.get("numerator"))
    if data.get("denominator") is None:
        errors["denominator"] = "A division needs a denominator: an aggregate to divide the numerator by."
    else:
        errors |= aggregate_errors("denominator", data.get("denominator"))
    errors |= population_errors(data)
    multiplier = _number(data.get("multiplier", "100"))
    if multiplier is None or multiplier <= 0:
        errors["multiplier"] = "Must be a positive decimal (100 for a percentage)."
    for n, breakdown in enumerate(data.get("disaggregations") or []):
        if reason := breakdown_error(breakdown, data.get("numerator"), data.get("denominator")):
            errors[f"disaggregations.{n}"] = reason
    return errors


def population_errors(data: Mapping[str, Any]) -> dict[str, str]:
    """A definition counts clients or staff survey respondents, never both; the staff
    survey is quarterly, and its respondents are counted by ``staff_respondent``."""
    numerator, denominator = data.get("numerator"), data.get("denominator")
    if not isinstance(numerator, Mapping) or not isinstance(denominator, Mapping):
        return {}
    found = population(numerator, denominator)
    if found is None:
        return {"denominator": "The staff survey's measures and flags (staff_score, staff_respondent) and the "
                               "clients' cannot be mixed: numerator and denominator count the same people."}
    errors = {}
    if found == "staff":
        for side, spec in (("numerator", numerator), ("denominator", denominator)):
            if "staff_respondent" not in (spec.get("where") or []):
                errors[f"{side}.where"] = 'Count staff survey respondents: where: ["staff_respondent"].'
        if data.get("period_type") == "month":
            errors["period_type"] = "The staff survey is answered per quarter: quarter or year."
    return errors


def breakdown_error(breakdown: str, numerator: Any, denominator: Any) -> str | None:
    """Why the breakdown could not be suppressed safely. Complementary suppression relies on
    every breakdown splitting the total's clients into categories that add up to it."""
    found = population(numerator, denominator) if isinstance(numerator, Mapping) and isinstance(
        denominator, Mapping) else "clients"
    if found is None:  # mixed populations: refused on the denominator, whatever the breakdown
        return None
    staff = found == "staff"
    if staff or breakdown in STAFF_BREAKDOWNS:
        if staff and breakdown in STAFF_BREAKDOWNS:
            return None
        return (f"{breakdown} cannot be suppressed safely here: an indicator of the staff survey breaks down by "
                f"staff_group only, and an indicator of clients never does.")
    if breakdown not in BREAKDOWNS:
        return (f"Unknown breakdown {breakdown!r}: only breakdowns that give every client exactly one "
                f"category can be suppressed safely ({', '.join(BREAKDOWNS)}).")
    needed = PARTIAL.get(breakdown)
    sides = [spec for spec in (numerator, denominator) if isinstance(spec, Mapping)]
    if needed and not all(needed in (spec.get("where") or []) for spec in sides):
        return (f"{breakdown} cannot be suppressed safely here: only {needed} clients have one, so its cells "
                f"would not add up to the total. Count only {needed} clients (where: [\"{needed}\"]) on both "
                f"sides.")
    return None
