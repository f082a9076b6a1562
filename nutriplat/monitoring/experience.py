"""The patient-reported experience survey: five statements, each answered 1 (not at all)
to 5 (completely), and their mean as the client's experience score for the period."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

ITEMS = {
    "meals_enjoyed": "I enjoy the meals.",
    "texture_suits": "The texture of the meals suits my chewing and swallowing.",
    "own_pace": "I can eat at my own pace.",
    "deliveries_reliable": "Deliveries come as agreed.",
    "feel_supported": "I feel listened to and supported by the care team.",
}
LOWEST, HIGHEST = 1, 5
RESPONDENTS = ("client", "caregiver")


def answer_errors(answers: Mapping[str, object]) -> dict[str, str]:
    errors = {f"answers.{key}": "Not an item of the survey." for key in answers if key not in ITEMS}
    for key in ITEMS:
        value = answers.get(key)
        if value is None:
            errors[f"answers.{key}"] = "Missing."
        elif isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
            errors[f"answers.{key}"] = f"Must be a whole number from {LOWEST} to {HIGHEST}."
    return errors


def mean_score(answers: Mapping[str, int]) -> Decimal:
    """Mean of the item scores, half-up to two decimals."""
    total = sum((Decimal(answers[key]) for key in ITEMS), Decimal(0))
    return (total / len(ITEMS)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
