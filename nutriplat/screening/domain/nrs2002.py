"""NRS-2002 — Nutritional Risk Screening (ESPEN): initial screen, then final screening.

Inputs of the final screening, as we read the spec:
- required from the caller: ``weight_loss_5pct_within_months`` (1, 2, 3 or null — null is
  an answer, "no period with > 5 % loss", so the key must be present),
  ``intake_percent_of_requirement``, ``impaired_general_condition``, ``disease_severity``;
- ``bmi`` (or derived): read, and therefore required, only when impaired_general_condition
  is true — it scores nothing otherwise;
- ``age``: derived from the birth date (a given value wins);
- ``weight_loss_percent_3_months``: optional; when left out it is derived from the 3-month
  weight history if possible (the same computation as the initial ``weight_loss_3_months``),
  else that route scores nothing. It can only raise the weight-loss sub-score, and
  ``weight_loss_5pct_within_months`` = 1 already covers the "1 month" case.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .derive import derive_age, derive_bmi, from_key, loss_percent_over
from .facts import ClientFacts
from .fields import AGE, BMI, LOSS_PERCENT, boolean, integer, nullable, number
from .inputs import MISSING, Inputs
from .result import ScreeningResult

CODE = "nrs_2002"
NAME = "Nutritional Risk Screening 2002 (ESPEN)"
VERSION = "espen-2002/spec-1"

INITIAL = ("bmi_below_20_5", "weight_loss_3_months", "reduced_intake_last_week", "severely_ill")
FIELDS = {key: boolean() for key in INITIAL} | {
    "weight_loss_5pct_within_months": nullable(integer(1, 3)),
    "weight_loss_percent_3_months": LOSS_PERCENT,
    "intake_percent_of_requirement": number(ge=0, le=1000),
    "bmi": BMI,
    "impaired_general_condition": boolean(),
    "disease_severity": integer(0, 3),
    "age": AGE,
}
DERIVERS = {
    "bmi": derive_bmi,
    "bmi_below_20_5": from_key("bmi", "bmi < 20.5 (BMI rounded half-up to 0.1)",
                               lambda bmi: bmi < 20.5),
    "weight_loss_3_months": from_key("weight_loss_percent_3_months",
                                     "any loss > 0.0 % over 3 months", lambda p: p > 0.0),
    "weight_loss_percent_3_months": loss_percent_over(3),
    "age": derive_age,
}
WITHIN_MONTHS_POINTS = {3: 1, 2: 2, 1: 3, None: 0}


def weight_loss_points(within_months: int | None, percent_3_months: float | None) -> int:
    points = WITHIN_MONTHS_POINTS[within_months]
    return 3 if percent_3_months is not None and percent_3_months > 15.0 else points


def intake_points(percent: float) -> int:
    """< 25 → 3 · 25 to < 50 → 2 · 50 to < 75 → 1 · ≥ 75 → 0."""
    return 3 if percent < 25 else 2 if percent < 50 else 1 if percent < 75 else 0


def bmi_condition_points(bmi: float | None, impaired: bool) -> int:
    """Only with impaired general condition: < 18.5 → 3 · 18.5 to 20.5 inclusive → 2."""
    if not impaired or bmi is None:
        return 0
    return 3 if bmi < 18.5 else 2 if bmi <= 20.5 else 0


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    inp = Inputs(CODE, answers, FIELDS, DERIVERS, facts, performed_on)
    initial = {key: inp.get(key) for key in INITIAL}
    if not any(v is True for v in initial.values()):
        inp.check()  # an unreadable initial answer leaves the outcome undecided
        return inp.result(VERSION, None, "not_at_risk", {},
                          {"initial_screening": initial, "final_screening": False})
    # Any "yes" makes the final screening due, whatever the other initial answers are.
    within = inp.get("weight_loss_5pct_within_months")
    percent_3m = inp.get("weight_loss_percent_3_months", required=False)
    intake = inp.get("intake_percent_of_requirement")
    impaired = inp.get("impaired_general_condition")
    bmi = inp.get("bmi") if impaired is True else MISSING
    severity = inp.get("disease_severity")
    age = inp.get("age")
    inp.check()
    sub = {
        "weight_loss": weight_loss_points(within, None if percent_3m is MISSING else percent_3m),
        "intake": intake_points(intake),
        "bmi_and_general_condition": bmi_condition_points(
            None if bmi is MISSING else bmi, impaired),
    }
    components = {"nutritional_status": max(sub.values()), "disease_severity": severity,
                  "age": 1 if age >= 70 else 0}
    total = sum(components.values())
    return inp.result(VERSION, total, "at_risk" if total >= 3 else "not_at_risk", components,
                      {"initial_screening": initial, "final_screening": True,
                       "nutritional_status": sub})
