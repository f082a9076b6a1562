"""SNAQ — Short Nutritional Assessment Questionnaire (hospital), as in the spec's table."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .facts import ClientFacts
from .fields import boolean, choice
from .inputs import Inputs
from .result import ScreeningResult

CODE = "snaq"
NAME = "Short Nutritional Assessment Questionnaire"
VERSION = "snaq-2005/spec-1"

WEIGHT_LOSS_POINTS = {"none": 0, "more_than_3kg_last_month": 2,
                      "more_than_6kg_last_6_months": 3, "both": 3}
FIELDS = {
    "weight_loss": choice(*WEIGHT_LOSS_POINTS),
    "decreased_appetite_last_month": boolean(),
    "supplements_or_tube_feeding_last_month": boolean(),
}


def risk_for(total: int) -> str:
    if total >= 3:
        return "severely_malnourished"
    return "moderately_malnourished" if total == 2 else "not_malnourished"


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    # No SNAQ key is derivable: the spec marks none "or derived".
    inp = Inputs(CODE, answers, FIELDS, {}, facts, performed_on)
    values = {key: inp.get(key) for key in FIELDS}
    inp.check()
    components = {
        "weight_loss": WEIGHT_LOSS_POINTS[values["weight_loss"]],
        "decreased_appetite_last_month": int(values["decreased_appetite_last_month"]),
        "supplements_or_tube_feeding_last_month":
            int(values["supplements_or_tube_feeding_last_month"]),
    }
    total = sum(components.values())
    return inp.result(VERSION, total, risk_for(total), components)
