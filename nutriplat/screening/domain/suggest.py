"""Which instrument to suggest for a client — advice only, never a block.

Precedence (ours, documented): the primary suggestion is the malnutrition screen that fits
the setting and age —
1. hospital → NRS-2002 (the ESPEN hospital screen; it already scores age ≥ 70);
2. otherwise age ≥ 65 → MNA-SF (validated for older people at home and in nursing homes);
3. otherwise → MUST (validated in every setting; also the fallback when the setting or age
   is unknown).
EAT-10 never replaces a malnutrition screen: when dysphagia is known or suspected it is
added to ``also`` (it screens swallowing, not nutrition). MUST at home and MNA-SF from 65
are also listed in ``also`` when they are not the primary one. ``allowed`` is always every
instrument: the dietitian may pick any of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import ErrorBag
from .facts import CARE_SETTINGS
from .registry import INSTRUMENTS


@dataclass(frozen=True)
class Suggestion:
    instrument: str
    reason: str


@dataclass(frozen=True)
class InstrumentSuggestion:
    instrument: str
    reason: str
    also: tuple[Suggestion, ...] = ()
    allowed: tuple[str, ...] = tuple(INSTRUMENTS)


def _validate(care_setting: object, age: object, dysphagia: object) -> None:
    errors = ErrorBag()
    if care_setting is not None and care_setting not in CARE_SETTINGS:
        errors.add("care_setting", "must be one of: " + ", ".join(CARE_SETTINGS))
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or age < 0):
        errors.add("age", "must be a non-negative integer or null")
    if not isinstance(dysphagia, bool):
        errors.add("dysphagia_known_or_suspected", "must be true or false")
    errors.raise_if_any()


def suggest_instrument(care_setting: str | None, age: int | None,
                       dysphagia_known_or_suspected: bool = False) -> InstrumentSuggestion:
    _validate(care_setting, age, dysphagia_known_or_suspected)
    older = age is not None and age >= 65
    candidates: list[Suggestion] = []
    if care_setting == "hospital":
        candidates.append(Suggestion("nrs_2002", "in hospital: NRS-2002"))
    if older:
        candidates.append(Suggestion("mna_sf", f"age {age} (65 or over): MNA-SF"))
    if care_setting == "home" or not candidates:
        reason = "at home: MUST" if care_setting == "home" else (
            "MUST: validated in every care setting")
        candidates.append(Suggestion("must", reason))
    if dysphagia_known_or_suspected:
        candidates.append(Suggestion(
            "eat_10", "dysphagia known or suspected: EAT-10 in addition to a malnutrition screen"))
    primary, *also = candidates
    return InstrumentSuggestion(primary.instrument, primary.reason, tuple(also))
