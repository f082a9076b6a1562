"""MNA-SF — Mini Nutritional Assessment short form (age ≥ 65), as in the spec's table.

Item F is F1 (BMI) whenever a BMI can be had — given, or derived from stored weight and
height — and F2 (calf circumference) only when it cannot. So a derived BMI beats a given
calf circumference: the spec's "(given or derived)" is explicit about it.
The age ≥ 65 indication is advice (see suggest.py), never a refusal to score.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .derive import derive_bmi, latest_of, loss_kg_over
from .facts import ClientFacts
from .fields import BMI, CIRCUMFERENCE_CM, boolean, choice
from .inputs import MISSING, Inputs
from .result import ScreeningResult

CODE = "mna_sf"
NAME = "Mini Nutritional Assessment - Short Form"
VERSION = "mna-sf-2009/spec-1"

POINTS: dict[str, dict[Any, int]] = {
    "food_intake_decline": {"severe": 0, "moderate": 1, "none": 2},
    "weight_loss": {"more_than_3kg": 0, "unknown": 1, "1_to_3kg": 2, "none": 3},
    "mobility": {"bed_or_chair_bound": 0, "out_of_bed_not_out": 1, "goes_out": 2},
    "acute_stress_or_disease": {True: 0, False: 2},
    "neuropsychological": {"severe_dementia_or_depression": 0, "mild_dementia": 1, "none": 2},
}
FIELDS = {
    key: boolean() if key == "acute_stress_or_disease" else choice(*values)
    for key, values in POINTS.items()
} | {"bmi": BMI, "calf_circumference_cm": CIRCUMFERENCE_CM}


def weight_loss_category(kg: float) -> str:
    """Spec: loss > 3.0 kg → more_than_3kg; 1.0–3.0 → 1_to_3kg; < 1.0 → none."""
    if kg > 3.0:
        return "more_than_3kg"
    return "1_to_3kg" if kg >= 1.0 else "none"


DERIVERS = {
    "weight_loss": loss_kg_over(3, "> 3.0 more_than_3kg, 1.0-3.0 1_to_3kg, < 1.0 none",
                                weight_loss_category),
    "bmi": derive_bmi,
    "calf_circumference_cm": latest_of("calf_circumference_cm", "calf"),
}


def bmi_points(bmi: float) -> int:
    """F1: < 19 → 0 · 19 to < 21 → 1 · 21 to < 23 → 2 · ≥ 23 → 3."""
    return 0 if bmi < 19 else 1 if bmi < 21 else 2 if bmi < 23 else 3


def calf_points(cm: float) -> int:
    """F2: < 31 → 0 · ≥ 31 → 3."""
    return 0 if cm < 31 else 3


def risk_for(total: int) -> str:
    return "normal" if total >= 12 else "at_risk" if total >= 8 else "malnourished"


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    inp = Inputs(CODE, answers, FIELDS, DERIVERS, facts, performed_on)
    items = {key: inp.get(key) for key in POINTS}
    anthropometry = _item_f(inp)
    inp.check()
    components = {key: POINTS[key][value] for key, value in items.items()}
    components |= anthropometry
    total = sum(components.values())
    return inp.result(VERSION, total, risk_for(total), components)


def _item_f(inp: Inputs) -> dict[str, int]:
    bmi = inp.get("bmi", required=False)
    if bmi is not MISSING:
        return {"bmi": bmi_points(bmi)}
    if inp.is_invalid("bmi"):
        return {}
    calf = inp.get("calf_circumference_cm", required=False)
    if calf is not MISSING:
        return {"calf_circumference_cm": calf_points(calf)}
    if not inp.is_invalid("calf_circumference_cm"):
        inp.require("bmi", "; or give calf_circumference_cm")
        inp.require("calf_circumference_cm", " when no BMI can be had")
    return {}
