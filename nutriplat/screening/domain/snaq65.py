"""SNAQ65+ — community version for age ≥ 65: a decision tree, no points, total is null.

``weight_loss_4kg_6_months`` is derived as "more than 4.0 kg lost over 6 months" (the
SNAQ65+ question is "more than 4 kg"). ``muac_cm`` is not marked "or derived" in the spec;
as a documented extension it is taken from the latest stored MUAC measurement on or before
the screening date when the caller leaves it out (recorded in ``derived`` with its date).
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .derive import latest_of, loss_kg_over
from .facts import ClientFacts
from .fields import CIRCUMFERENCE_CM, boolean
from .inputs import Inputs
from .result import ScreeningResult

CODE = "snaq65"
NAME = "Short Nutritional Assessment Questionnaire 65+"
VERSION = "snaq65-2012/spec-1"

FIELDS = {
    "muac_cm": CIRCUMFERENCE_CM,
    "weight_loss_4kg_6_months": boolean(),
    "poor_appetite_last_week": boolean(),
    "difficulty_stairs_or_walking": boolean(),
}
DERIVERS = {
    "muac_cm": latest_of("muac_cm", "muac"),
    "weight_loss_4kg_6_months": loss_kg_over(6, "more than 4.0 kg", lambda kg: kg > 4.0),
}


def decide(muac_cm: float, weight_loss_4kg: bool, poor_appetite: bool,
           difficulty_walking: bool) -> tuple[str, list[str]]:
    """The colour and the triggers that decided it."""
    red = [name for name, hit in (("muac_below_25", muac_cm < 25.0),
                                  ("weight_loss_4kg_6_months", weight_loss_4kg)) if hit]
    if red:
        return "red", red
    if poor_appetite and difficulty_walking:
        return "orange", ["poor_appetite_last_week", "difficulty_stairs_or_walking"]
    return "green", []


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    inp = Inputs(CODE, answers, FIELDS, DERIVERS, facts, performed_on)
    values = {key: inp.get(key) for key in FIELDS}
    inp.check()
    risk, triggers = decide(values["muac_cm"], values["weight_loss_4kg_6_months"],
                            values["poor_appetite_last_week"],
                            values["difficulty_stairs_or_walking"])
    return inp.result(VERSION, None, risk, {}, {"triggers": triggers})
