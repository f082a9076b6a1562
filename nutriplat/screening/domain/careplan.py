"""Whether a result marks the client as needing a nutritional care plan, and why."""
from __future__ import annotations

from typing import Any, NamedTuple

from .outcomes import CARE_PLAN, LABELS, outcome_of


class CarePlanDecision(NamedTuple):
    needed: bool
    cause: str | None  # e.g. "MUST high (score 3)"; None when not needed


def _describe(result: Any, code: str, outcome: str) -> str:
    text = f"{LABELS[code]} {outcome}"
    total = getattr(result, "total_score", None)
    stage = getattr(result, "stage", None)
    if total is not None:
        text += f" (score {total})"
    elif stage is not None:
        text += f" (stage {stage})"
    return text


def needs_care_plan(result: Any) -> CarePlanDecision:
    """MUST high, MNA-SF at_risk/malnourished, NRS-2002 at_risk, SNAQ moderately/severely
    malnourished, SNAQ65+ red, GLIM malnourished → needed. ``None`` (no result) → not."""
    if result is None:
        return CarePlanDecision(False, None)
    code, outcome = outcome_of(result)
    if (code, outcome) in CARE_PLAN:
        return CarePlanDecision(True, _describe(result, code, outcome))
    return CarePlanDecision(False, None)


def needs_swallowing_assessment(result: Any) -> bool:
    """EAT-10 ≥ 3: refer for a swallowing assessment. Kept apart from the care-plan mark
    because a suspected swallowing problem is a referral, not a malnutrition finding (the
    texture prescription follows the assessment, not the screen)."""
    return result is not None and outcome_of(result) == ("eat_10", "swallowing_problem_suspected")
