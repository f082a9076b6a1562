"""What an indicator definition may be made of: the measures (per-client numbers) and
flags (per-client yes/no) that ``measures.py`` computes per client and period, each with
the data source it comes from. A definition naming anything else is refused when saved.

A source that is *covered* per month (the provider's invoices) has data for a period only
when every month of it has some: a quarter with one month not invoiced yet is "no value",
never a cost that looks low."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

# measure: source
MEASURES: Final = {
    "client_months": "statuses", "weight_change_kg": "weights", "plan_days": "meal_plans",
    "plan_days_on_target": "meal_plans", "meals": "intake", "meals_75": "intake", "admissions": "transfers",
    "deliveries_due": "deliveries", "deliveries_on_time": "deliveries", "experience_score": "surveys",
    "service_cost_cents": "invoices",
    "nursing_home_admissions": "transfers", "days_at_home": "transfers", "ed_visits": "emergency_visits",
}
FLAGS: Final = {
    "screened": "screenings", "at_risk": "screenings", "evaluated": "screenings",
    "glim_malnourished": "assessments", "followup_3m": "screenings", "improved_3m": "screenings",
    "followup_6m": "screenings", "improved_6m": "screenings", "weighed": "weights", "surveyed": "surveys",
}
# The staff survey's population (staff_frame.py): per response, never per client. A definition
# reads either these or the client measures and flags above, never both.
STAFF_MEASURES: Final = {"staff_score": "staff_survey"}
STAFF_FLAGS: Final = {"staff_respondent": "staff_survey"}
MONTHLY_SOURCES: Final = ("invoices",)
# Sources the platform never records: only a cofinancer's file (an agreement indicator whose
# data_source names it) gives them a value; read from the platform they are "no value".
EXTERNAL_ONLY: Final = {"emergency_visits": "the platform records no emergency department visits"}
# Measures that count (visits, days, cents): a source's figure for them is a whole number.
WHOLE: Final = frozenset({"plan_days", "plan_days_on_target", "meals", "meals_75", "admissions", "deliveries_due",
                          "deliveries_on_time", "service_cost_cents", "nursing_home_admissions", "days_at_home",
                          "ed_visits"})
# Aim dimensions of the quintuple aim an outcome (and an indicator) serves.
AIMS: Final = ("health", "experience", "cost", "staff_wellbeing", "equity")


def parts(spec: Mapping[str, Any]) -> Iterator[str]:
    """The measures and flags one aggregate reads."""
    if isinstance(spec.get("of"), str):
        yield spec["of"]
    yield from (flag for flag in spec.get("where") or () if isinstance(flag, str))


def population(numerator: Mapping[str, Any], denominator: Mapping[str, Any]) -> str | None:
    """``staff`` when the definition reads the staff survey only, ``clients`` when it reads
    no staff part, None when it mixes both (refused when saved)."""
    staff = {name in STAFF_MEASURES or name in STAFF_FLAGS for spec in (numerator, denominator)
             for name in parts(spec)}
    return None if len(staff) > 1 else "staff" if staff == {True} else "clients"


def measures_of(numerator: Mapping[str, Any], denominator: Mapping[str, Any]) -> set[str]:
    """The client measures a definition reads (what a cofinancer's figures may stand in for)."""
    return {name for spec in (numerator, denominator) for name in parts(spec) if name in MEASURES}


def sources_of(numerator: Mapping[str, Any], denominator: Mapping[str, Any]) -> set[str]:
    every = {**MEASURES, **FLAGS, **STAFF_MEASURES, **STAFF_FLAGS}
    return {every[name] for spec in (numerator, denominator) for name in parts(spec) if name in every}
