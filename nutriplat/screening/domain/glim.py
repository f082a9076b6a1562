"""GLIM diagnosis of malnutrition (Global Leadership Initiative on Malnutrition).

Malnourished = at least one phenotypic AND at least one etiologic criterion; the stage is
decided by the most severe phenotypic criterion. All keys are needed (a missing one that
cannot be derived is an error naming it): a stage needs every phenotypic criterion.
``weight_loss_percent`` is derived over 6 months only, so a derived loss comes with
``weight_loss_period`` = ``within_6_months``; a loss beyond 6 months must be given.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .derive import derive_age, derive_bmi, loss_percent_over
from .facts import ClientFacts
from .fields import AGE, BMI, LOSS_PERCENT, boolean, choice
from .inputs import MISSING, Inputs
from .provenance import Derived, NotDerivable, Source, to_json
from .result import frozen_map

METHOD = "glim"
VERSION = "glim-2019/spec-1"
PERIODS = ("within_6_months", "beyond_6_months")

FIELDS = {
    "weight_loss_percent": LOSS_PERCENT, "weight_loss_period": choice(*PERIODS), "bmi": BMI,
    "age": AGE, "reduced_muscle_mass": choice("none", "mild_moderate", "severe"),
    "reduced_intake": boolean(), "inflammation": boolean(),
}


def _derive_loss(inp: Inputs) -> Derived:
    if inp.given.get("weight_loss_period") == "beyond_6_months":
        raise NotDerivable("the weight history is read over the last 6 months only; "
                           "give the loss for a period beyond 6 months")
    return loss_percent_over(6)(inp)


def _derive_period(inp: Inputs) -> Derived:
    loss = inp.get("weight_loss_percent", required=False)
    if loss is MISSING or "weight_loss_percent" not in inp.derived:
        raise NotDerivable("only implied by a derived weight_loss_percent; "
                           "say over which period the given loss occurred")
    return Derived("within_6_months", "the derived weight loss covers the last 6 months",
                   (Source("weight_loss_percent", loss, "derived"),))


DERIVERS = {"weight_loss_percent": _derive_loss, "weight_loss_period": _derive_period,
            "bmi": derive_bmi, "age": derive_age}


@dataclass(frozen=True)
class GlimResult:
    assessed_on: date
    malnourished: bool
    stage: int | None  # 1 moderate, 2 severe; None when not malnourished
    phenotypic: tuple[str, ...]
    etiologic: tuple[str, ...]
    inputs: Mapping[str, Any] = field(default_factory=dict)
    derived: Mapping[str, Derived] = field(default_factory=dict)
    method: str = METHOD
    version: str = VERSION

    def __post_init__(self) -> None:
        object.__setattr__(self, "inputs", frozen_map(self.inputs))
        object.__setattr__(self, "derived", frozen_map(self.derived))

    @property
    def severity(self) -> str | None:
        return {1: "moderate", 2: "severe"}.get(self.stage) if self.stage else None

    def as_dict(self) -> dict[str, Any]:
        return {"method": self.method, "version": self.version,
                "assessed_on": self.assessed_on.isoformat(),
                "malnourished": self.malnourished, "stage": self.stage,
                "severity": self.severity, "phenotypic": list(self.phenotypic),
                "etiologic": list(self.etiologic), "inputs": to_json(self.inputs),
                "derived": {k: d.as_dict() for k, d in self.derived.items()}}


def bmi_edges(age: int) -> tuple[float, float]:
    """(phenotypic edge, severe edge): BMI < 20.0 / < 18.5 under 70, < 22.0 / < 20.0 from 70."""
    return (22.0, 20.0) if age >= 70 else (20.0, 18.5)


def criteria(v: Mapping[str, Any]) -> tuple[list[str], list[str], bool]:
    """(phenotypic met, etiologic met, any phenotypic criterion at the severe level)."""
    within = v["weight_loss_period"] == "within_6_months"
    loss, low_edge, severe_edge = v["weight_loss_percent"], *bmi_edges(v["age"])
    met = {
        "weight_loss": loss > (5.0 if within else 10.0),
        "low_bmi": v["bmi"] < low_edge,
        "reduced_muscle_mass": v["reduced_muscle_mass"] != "none",
    }
    severe = (loss > (10.0 if within else 20.0) or v["bmi"] < severe_edge
              or v["reduced_muscle_mass"] == "severe")
    etiologic = [k for k in ("reduced_intake", "inflammation") if v[k]]
    return [k for k, hit in met.items() if hit], etiologic, severe


def diagnose_glim(answers: Mapping[str, Any], assessed_on: date | datetime,
                  facts: ClientFacts | None = None) -> GlimResult:
    inp = Inputs(METHOD, answers, FIELDS, DERIVERS, facts, assessed_on)
    values = {key: inp.get(key) for key in FIELDS}
    inp.check()
    phenotypic, etiologic, severe = criteria(values)
    malnourished = bool(phenotypic and etiologic)
    stage = (2 if severe else 1) if malnourished else None
    return GlimResult(inp.on, malnourished, stage, tuple(phenotypic), tuple(etiologic),
                      inp.used(), inp.derived)
