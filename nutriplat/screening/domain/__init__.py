"""Pure screening domain: instruments, derivation, GLIM, nutrient targets (no Flask, no DB).

Everything takes plain values and returns frozen dataclasses; every bad input raises ONE
exception type, ``ScreeningInputError``, whose ``errors`` is ``{key: [reason, ...]}`` with all
problems found (map it to 422). Typical service calls::

    facts = ClientFacts(birth_date=..., sex="female", care_setting="home",
                        weights=[(date(2026, 4, 1), 70.0, 11), (date(2026, 10, 1), 61.6, 12)],
                        heights=[(date(2025, 3, 2), 165.0, 3)], muac=[...], calf=[...])
    result = score("must", answers, facts, performed_on)      # -> ScreeningResult
    result.as_dict()        # total_score, risk, components, derived (with sources), next_due
    glim = diagnose_glim(answers, assessed_on, facts)          # -> GlimResult
    mark = needs_care_plan(result)                             # -> CarePlanDecision(needed, cause)
    targets = compute_targets(weight_kg, height_cm, sex, latest_result)   # -> NutrientTargets
    in_force = effective_targets(targets, overrides, on)       # name -> EffectiveTarget
    suggestion = suggest_instrument(care_setting, age, dysphagia_known_or_suspected)

Public API
- ``score(instrument, answers, facts, performed_on) -> ScreeningResult``: validate (unknown
  keys, types, ranges), derive missing derivable keys from ``facts`` (a caller value always
  wins), score, and set ``next_due``. ``performed_on`` may be a date or an aware timestamp
  (converted to the Brussels date). ``INSTRUMENTS`` maps code → name, version, keys, scorer.
- ``derive_inputs(instrument_or_glim, answers, facts, on) -> {key: Derived}``: a preview of
  what would be derived (never raises for what cannot be).
- ``diagnose_glim(answers, assessed_on, facts) -> GlimResult``.
- ``compute_targets(weight_kg, height_cm, sex=None, latest_result=None, *,
  method="espen_geriatric", age=None, activity_factor=None) -> NutrientTargets``;
  ``effective_value(computed, override(s), on, method)`` / ``effective_targets(...)``.
- ``needs_care_plan(result) -> CarePlanDecision``; ``needs_swallowing_assessment(result)``.
- ``suggest_instrument(care_setting, age, dysphagia_known_or_suspected) -> InstrumentSuggestion``.
- Common rules: ``bmi``, ``weight_loss_percent``, ``weight_loss_kg``, ``earlier_weight``,
  ``age_at``, ``add_months``, ``business_date``, ``next_due``.
"""
from .careplan import CarePlanDecision, needs_care_plan, needs_swallowing_assessment
from .common import add_months, age_at, bmi, business_date, weight_loss_kg, weight_loss_percent
from .errors import ScreeningInputError
from .facts import CARE_SETTINGS, SEXES, ClientFacts, Measurement, earlier_weight
from .glim import GlimResult, diagnose_glim
from .outcomes import MALNUTRITION_INSTRUMENTS, RISKS, outcome_of
from .overrides import EffectiveTarget, TargetOverride, effective_targets, effective_value
from .provenance import Derived, Source
from .registry import INSTRUMENTS, Instrument, derive_inputs, score
from .result import ScreeningResult
from .schedule import next_due
from .suggest import InstrumentSuggestion, Suggestion, suggest_instrument
from .targets import DEFAULT_METHOD, METHODS, NutrientTargets, compute_targets, reference_weight

__all__ = [
    "CARE_SETTINGS", "DEFAULT_METHOD", "INSTRUMENTS", "MALNUTRITION_INSTRUMENTS", "METHODS",
    "RISKS", "SEXES", "CarePlanDecision", "ClientFacts", "Derived", "EffectiveTarget",
    "GlimResult", "Instrument", "InstrumentSuggestion", "Measurement", "NutrientTargets",
    "ScreeningInputError", "ScreeningResult", "Source", "Suggestion", "TargetOverride",
    "add_months", "age_at", "bmi", "business_date", "compute_targets", "derive_inputs",
    "diagnose_glim", "earlier_weight", "effective_targets", "effective_value",
    "needs_care_plan", "needs_swallowing_assessment", "next_due", "outcome_of",
    "reference_weight", "score", "suggest_instrument", "weight_loss_kg", "weight_loss_percent",
]
