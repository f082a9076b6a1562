"""Nutrient targets. Default method ``espen_geriatric`` (spec):

- reference weight = weight; when BMI ≥ 30.0 it is the weight at BMI 25.0 for the client's
  height, 25 × (height_cm / 100)². This is a PRODUCT CONVENTION (an adjusted weight so that
  targets for people with obesity are not inflated by fat mass), not an ESPEN formula.
  Energy and protein use the exact reference weight; it is shown rounded to 0.1 kg (no
  double rounding).
- energy_kcal = 30 × reference weight, nearest 10 (halves up);
- protein_g = 1.0 g/kg reference weight, 1.2 g/kg after an elevated-risk latest result
  (outcomes.ELEVATED_PROTEIN), rounded half-up to 1 g;
- fluid_ml = 1600 female, 2000 male, 1800 other or unknown.
Alternatives (``mifflin_st_jeor``, ``harris_benedict``) change energy only; see energy.py.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from .common import WHOLE, Number, half_up, to_decimal
from .common import bmi as bmi_of
from .energy import EQUATIONS, round_to_10
from .errors import ErrorBag, ScreeningInputError
from .facts import SEXES
from .fields import AGE, Invalid, number
from .outcomes import ELEVATED_PROTEIN, LABELS, outcome_of

DEFAULT_METHOD = "espen_geriatric"
METHODS = (DEFAULT_METHOD, *EQUATIONS)
FLUID_ML = {"female": 1600, "male": 2000}
FLUID_OTHER_ML = 1800
_CHECKS = {"weight_kg": number(gt=0, le=500), "height_cm": number(gt=0, le=300),
           "age": AGE, "activity_factor": number(ge=1.0, le=2.5)}


@dataclass(frozen=True)
class NutrientTargets:
    method: str
    energy_kcal: int
    protein_g: int
    fluid_ml: int
    reference_weight_kg: float
    reference_weight_basis: str  # "actual_weight" | "weight_at_bmi_25"
    bmi: float
    protein_g_per_kg: float
    protein_basis: str  # the result that set the factor, or why 1.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reference_weight(weight_kg: Number, height_cm: Number) -> tuple[Decimal, str]:
    """(exact reference weight, basis); BMI is rounded half-up before the ≥ 30.0 test."""
    if bmi_of(weight_kg, height_cm) >= 30.0:
        return Decimal(25) * (to_decimal(height_cm) / 100) ** 2, "weight_at_bmi_25"
    return to_decimal(weight_kg), "actual_weight"


def protein_factor(latest_result: Any) -> tuple[Decimal, str]:
    """Pass the latest malnutrition screening or GLIM result (EAT-10 is a swallowing screen:
    the caller should skip it when picking "the latest"; if given, it yields 1.0)."""
    if latest_result is None:
        return Decimal("1.0"), "no screening or GLIM result"
    code, outcome = outcome_of(latest_result)
    factor = Decimal("1.2") if (code, outcome) in ELEVATED_PROTEIN else Decimal("1.0")
    return factor, f"latest result {LABELS[code]} {outcome}"


def fluid_ml(sex: str | None) -> int:
    return FLUID_ML.get(sex or "unknown", FLUID_OTHER_ML)


def compute_targets(weight_kg: Number, height_cm: Number, sex: str | None = None,
                    latest_result: Any = None, *, method: str = DEFAULT_METHOD,
                    age: int | None = None, activity_factor: Number | None = None
                    ) -> NutrientTargets:
    """Computed (not yet overridden) targets; raises ScreeningInputError naming every bad input."""
    errors, ok = ErrorBag(), {}
    given: dict[str, Any] = {"weight_kg": weight_kg, "height_cm": height_cm}
    if method in EQUATIONS:
        given |= {"age": age, "activity_factor": activity_factor}
        if sex not in ("female", "male"):
            errors.add("sex", f"{method} is sex-specific: needs female or male")
    for key, value in given.items():
        try:
            ok[key] = _CHECKS[key](value)
        except Invalid as exc:
            errors.add(key, "required" if value is None else "; ".join(exc.reasons))
    if method not in METHODS:
        errors.add("method", "must be one of: " + ", ".join(METHODS))
    if sex is not None and sex not in SEXES:
        errors.add("sex", "must be one of: " + ", ".join(SEXES))
    try:
        factor, basis = protein_factor(latest_result)
    except ValueError as exc:
        errors.add("latest_result", str(exc))
    errors.raise_if_any()
    ref, ref_basis = reference_weight(ok["weight_kg"], ok["height_cm"])
    if method == DEFAULT_METHOD:
        energy = round_to_10(30 * ref)
    else:
        ree = EQUATIONS[method](ok["weight_kg"], ok["height_cm"], ok["age"], sex or "")
        energy = round_to_10(ree * to_decimal(ok["activity_factor"]))
        if energy <= 0:  # only for absurd combinations (e.g. 150 years, 20 kg)
            raise ScreeningInputError({"method": [f"{method} gives no positive energy here"]})
    return NutrientTargets(
        method=method, energy_kcal=energy, protein_g=int(half_up(factor * ref, WHOLE)),
        fluid_ml=fluid_ml(sex), reference_weight_kg=float(half_up(ref)),
        reference_weight_basis=ref_basis, bmi=bmi_of(ok["weight_kg"], ok["height_cm"]),
        protein_g_per_kg=float(factor), protein_basis=basis)
