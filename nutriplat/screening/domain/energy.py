"""Alternative energy methods: resting energy expenditure × activity factor.

Offered on request only; the default method (espen_geriatric) never changes silently.
Both equations are sex-specific and use the ACTUAL body weight (that is how they were
derived and validated, Mifflin–St Jeor including people with obesity).
- Mifflin–St Jeor (Mifflin et al., Am J Clin Nutr 1990):
  REE = 10 × W + 6.25 × H − 5 × A + 5 (male) / − 161 (female)
- Harris–Benedict, original coefficients (Harris & Benedict 1918/1919):
  male   REE = 66.4730 + 13.7516 × W + 5.0033 × H − 6.7550 × A
  female REE = 655.0955 + 9.5634 × W + 1.8496 × H − 4.6756 × A
(W kg, H cm, A completed years.) Energy = REE × activity factor, rounded to the nearest 10.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from .common import Number, to_decimal

D = Decimal


def mifflin_st_jeor(weight_kg: Number, height_cm: Number, age: int, sex: str) -> Decimal:
    w, h = to_decimal(weight_kg), to_decimal(height_cm)
    return D(10) * w + D("6.25") * h - D(5) * age + (D(5) if sex == "male" else D(-161))


def harris_benedict(weight_kg: Number, height_cm: Number, age: int, sex: str) -> Decimal:
    w, h = to_decimal(weight_kg), to_decimal(height_cm)
    if sex == "male":
        return D("66.4730") + D("13.7516") * w + D("5.0033") * h - D("6.7550") * age
    return D("655.0955") + D("9.5634") * w + D("1.8496") * h - D("4.6756") * age


EQUATIONS: dict[str, Callable[[Number, Number, int, str], Decimal]] = {
    "mifflin_st_jeor": mifflin_st_jeor,
    "harris_benedict": harris_benedict,
}


def round_to_10(value: Number) -> int:
    """Nearest 10 kcal, halves up: 1845 → 1850, 1844.9 → 1840."""
    return int((to_decimal(value) / 10).quantize(D(1), rounding=ROUND_HALF_UP) * 10)
