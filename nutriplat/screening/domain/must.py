"""MUST — Malnutrition Universal Screening Tool (BAPEN), as in the spec's table."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .derive import derive_bmi, loss_percent_6_else_3
from .facts import ClientFacts
from .fields import BMI, LOSS_PERCENT, boolean
from .inputs import Inputs
from .result import ScreeningResult

CODE = "must"
NAME = "Malnutrition Universal Screening Tool (BAPEN)"
VERSION = "bapen-2003/spec-1"

FIELDS = {
    "bmi": BMI,
    "weight_loss_percent": LOSS_PERCENT,
    "acute_disease_no_intake_5_days": boolean(),
}
DERIVERS = {"bmi": derive_bmi, "weight_loss_percent": loss_percent_6_else_3}


def bmi_points(bmi: float) -> int:
    """> 20.0 → 0 · 18.5 to 20.0 inclusive → 1 · < 18.5 → 2 (BMI already rounded)."""
    if bmi > 20.0:
        return 0
    return 1 if bmi >= 18.5 else 2


def weight_loss_points(percent: float) -> int:
    """< 5.0 → 0 · 5.0 to 10.0 inclusive → 1 · > 10.0 → 2."""
    if percent < 5.0:
        return 0
    return 1 if percent <= 10.0 else 2


def risk_for(total: int) -> str:
    return "low" if total == 0 else "medium" if total == 1 else "high"


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    inp = Inputs(CODE, answers, FIELDS, DERIVERS, facts, performed_on)
    bmi = inp.get("bmi")
    loss = inp.get("weight_loss_percent")
    acute = inp.get("acute_disease_no_intake_5_days")
    inp.check()
    components = {
        "bmi": bmi_points(bmi),
        "weight_loss_percent": weight_loss_points(loss),
        "acute_disease_no_intake_5_days": 2 if acute else 0,
    }
    total = sum(components.values())
    return inp.result(VERSION, total, risk_for(total), components)
