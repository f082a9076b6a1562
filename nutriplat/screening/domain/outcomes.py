"""Risk categories per instrument and the rules that read them (protein 1.2 g/kg, care plan).

Everything downstream reasons about a result as a pair ``(code, outcome)``: a screening is
``(instrument, risk)``; a GLIM diagnosis is ``("glim", "malnourished" | "not_malnourished")``.
``outcome_of`` accepts our result dataclasses, such a pair, or a stored row as a mapping.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

RISKS: dict[str, tuple[str, ...]] = {
    "must": ("low", "medium", "high"),
    "mna_sf": ("normal", "at_risk", "malnourished"),
    "nrs_2002": ("not_at_risk", "at_risk"),
    "snaq": ("not_malnourished", "moderately_malnourished", "severely_malnourished"),
    "snaq65": ("green", "orange", "red"),
    "eat_10": ("normal", "swallowing_problem_suspected"),
    "glim": ("not_malnourished", "malnourished"),
}
LABELS = {"must": "MUST", "mna_sf": "MNA-SF", "nrs_2002": "NRS-2002", "snaq": "SNAQ",
          "snaq65": "SNAQ65+", "eat_10": "EAT-10", "glim": "GLIM"}

# Spec, nutrient targets: protein 1.2 g/kg after these latest results.
ELEVATED_PROTEIN = frozenset({
    ("must", "medium"), ("must", "high"), ("mna_sf", "at_risk"), ("mna_sf", "malnourished"),
    ("nrs_2002", "at_risk"), ("snaq", "moderately_malnourished"),
    ("snaq", "severely_malnourished"), ("snaq65", "orange"), ("snaq65", "red"),
    ("glim", "malnourished"),
})

# Issue 3: high / at_risk / malnourished / red, or GLIM malnourished, need a care plan.
# Both SNAQ "…_malnourished" outcomes count as "malnourished": SNAQ prescribes nutritional
# intervention from score 2 on. MUST medium and SNAQ65+ orange mean "observe", not a plan.
# EAT-10 screens swallowing, not nutrition: see careplan.needs_swallowing_assessment.
CARE_PLAN = frozenset({
    ("must", "high"), ("mna_sf", "at_risk"), ("mna_sf", "malnourished"),
    ("nrs_2002", "at_risk"), ("snaq", "moderately_malnourished"),
    ("snaq", "severely_malnourished"), ("snaq65", "red"), ("glim", "malnourished"),
})

# Instruments that screen for malnutrition (EAT-10 does not).
MALNUTRITION_INSTRUMENTS = frozenset(RISKS) - {"eat_10", "glim"}


def outcome_of(result: Any) -> tuple[str, str]:
    """``(code, outcome)`` of a ScreeningResult, GlimResult, pair or mapping; validated."""
    if isinstance(result, Mapping):
        code = result.get("instrument") or result.get("method")
        outcome = result.get("risk", result.get("malnourished"))
    elif isinstance(result, tuple) and len(result) == 2:
        code, outcome = result
    elif hasattr(result, "malnourished"):
        code, outcome = getattr(result, "method", "glim"), result.malnourished
    else:
        code, outcome = getattr(result, "instrument", None), getattr(result, "risk", None)
    if code == "glim" and isinstance(outcome, bool):
        outcome = "malnourished" if outcome else "not_malnourished"
    if code not in RISKS or outcome not in RISKS[code]:
        raise ValueError(f"not a known screening or GLIM outcome: {result!r}")
    return code, outcome
