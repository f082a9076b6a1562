"""The starter set of indicators, as data (in the manner of DHIS2).

An indicator is a numerator and a denominator, each an aggregate over the cohort's
clients: ``count`` the clients, or ``sum`` a per-client measure, of the clients for whom
every ``where`` flag holds. Measures and flags are columns computed per client and period
in ``measures.py``; value = numerator × multiplier / denominator. A stored version never
changes: a new meaning is a new version, and agreements keep the version they froze."""
from __future__ import annotations

from typing import Any, Final

TYPES: Final = ("process", "output", "outcome", "experience", "cost")
TRIPLE_AIM: Final = ("health", "experience", "cost")
PERIOD_TYPES: Final = ("month", "quarter", "year")
DISAGGREGATIONS: Final = ("care_setting", "condition", "sex", "age_band", "region", "risk_category")
ALL: Final = list(DISAGGREGATIONS)


def count(*where: str) -> dict[str, Any]:
    return {"aggregate": "count", "where": list(where)}


def total(of: str, *where: str, scale: str | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"aggregate": "sum", "of": of, "where": list(where)}
    if scale:
        spec["scale"] = scale
    return spec


def _indicator(code: str, name: str, definition: str, type_: str, dimension: str,
               numerator: dict[str, Any], denominator: dict[str, Any], *, unit: str = "%",
               multiplier: str = "100", decimals: int = 1, higher_is_better: bool = True,
               period_type: str = "month", disaggregations: list[str] | None = None) -> dict[str, Any]:
    return {"code": code, "version": 1, "name": name, "definition": definition, "type": type_,
            "dimension": dimension, "numerator": numerator, "denominator": denominator, "unit": unit,
            "multiplier": multiplier, "decimals": decimals, "higher_is_better": higher_is_better,
            "period_type": period_type, "disaggregations": disaggregations or ALL}


STARTER_SET: Final = (
    _indicator("screening_coverage", "Screening coverage",
               "Share of the cohort's clients with at least one malnutrition screening (any instrument "
               "but EAT-10) performed in the period.", "process", "health",
               count("screened"), count()),
    _indicator("at_risk_share", "Share at risk, by instrument",
               "Of the clients screened in the period, the share whose latest screening in the period "
               "shows a risk (MUST medium/high, MNA-SF at risk/malnourished, NRS-2002 at risk, SNAQ "
               "moderately/severely malnourished, SNAQ65+ orange/red); broken down by that "
               "screening's instrument.", "outcome", "health",
               count("screened", "at_risk"), count("screened"), higher_is_better=False,
               disaggregations=["instrument", *ALL]),
    _indicator("glim_malnutrition_prevalence", "GLIM malnutrition prevalence",
               "Of the clients screened or assessed in the period, the share whose latest GLIM "
               "assessment in the period diagnoses malnutrition.", "outcome", "health",
               count("evaluated", "glim_malnourished"), count("evaluated"), higher_is_better=False),
    _indicator("risk_improved_3m", "Risk category improved after 3 months",
               "Of the clients at risk at their first screening whose 3-month follow-up (the screening "
               "closest to 3 months after it, within 31 days) was performed in the period, the share "
               "whose harmonised risk category (low, medium, high) went down.", "outcome", "health",
               count("followup_3m", "improved_3m"), count("followup_3m")),
    _indicator("risk_improved_6m", "Risk category improved after 6 months",
               "As risk_improved_3m, with the follow-up closest to 6 months after the first screening.",
               "outcome", "health", count("followup_6m", "improved_6m"), count("followup_6m")),
    _indicator("mean_weight_change", "Mean weight change",
               "Mean over clients weighed in the period of (latest weight in the period − latest weight "
               "before the period), in kg.", "outcome", "health",
               total("weight_change_kg", "weighed"), count("weighed"),
               unit="kg", multiplier="1", decimals=2),
    _indicator("plan_days_on_target", "Plan-days meeting the energy and protein targets",
               "Share of the days of approved meal plans in the period whose planned energy and "
               "protein reach the day's targets.", "output", "health",
               total("plan_days_on_target"), total("plan_days")),
    _indicator("meals_mostly_eaten", "Meals at least 75 % eaten",
               "Share of the meals with an intake record in the period of which at least 75 % was "
               "eaten.", "outcome", "health", total("meals_75"), total("meals")),
    _indicator("hospital_admissions", "Hospital admissions per 100 client-months",
               "Transfers into hospital (from home or a nursing home) in the period, per 100 months "
               "clients were active in the service.", "outcome", "cost",
               total("admissions"), total("client_months"), multiplier="100", decimals=2,
               unit="per 100 client-months", higher_is_better=False),
    _indicator("on_time_deliveries", "On-time deliveries",
               "Of the delivery orders due in the period (not cancelled, delivery date passed), the "
               "share delivered and confirmed on or before their delivery date.", "process", "experience",
               total("deliveries_on_time"), total("deliveries_due")),
    _indicator("mean_experience_score", "Mean experience score",
               "Mean over the clients surveyed for a period within the report period of their mean "
               "item score (1-5).", "experience", "experience",
               total("experience_score", "surveyed"), count("surveyed"),
               unit="score 1-5", multiplier="1", decimals=2, period_type="quarter"),
    _indicator("cost_per_client_month", "Cost per client-month",
               "Invoiced service cost (client invoices and credit notes of the months in the period, "
               "gross incl. VAT, before third-party shares) per month clients were active.",
               "cost", "cost", total("service_cost_cents", scale="0.01"), total("client_months"),
               unit="EUR", multiplier="1", decimals=2, higher_is_better=False),
    # over the staff survey's respondents (staff_frame.py), not clients: its one breakdown is the group
    _indicator("staff_wellbeing", "Staff wellbeing",
               "Mean score (1-5) of the quarter's staff survey (dietitians, drivers, kitchen staff) over "
               "the staff who answered it.", "outcome", "staff_wellbeing",
               total("staff_score", "staff_respondent"), count("staff_respondent"),
               unit="score 1-5", multiplier="1", decimals=2, period_type="quarter", disaggregations=["staff_group"]),
)
