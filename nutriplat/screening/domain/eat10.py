"""EAT-10 — Eating Assessment Tool, a dysphagia screen (not a malnutrition screen)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .facts import ClientFacts
from .fields import int_list
from .inputs import Inputs
from .result import ScreeningResult

CODE = "eat_10"
NAME = "Eating Assessment Tool (EAT-10)"
VERSION = "eat-10-2008/spec-1"

FIELDS = {"items": int_list(10, 0, 4)}


def risk_for(total: int) -> str:
    """≥ 3 → refer for a swallowing assessment."""
    return "swallowing_problem_suspected" if total >= 3 else "normal"


def score(answers: Mapping[str, Any], performed_on: date | datetime,
          facts: ClientFacts | None = None) -> ScreeningResult:
    inp = Inputs(CODE, answers, FIELDS, {}, facts, performed_on)
    items = inp.get("items")
    inp.check()
    components = {f"item_{i}": points for i, points in enumerate(items, start=1)}
    total = sum(components.values())
    return inp.result(VERSION, total, risk_for(total), components)
