"""Instrument code → scorer, allowed keys and derivers; the one dispatch point for the service."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from . import eat10, glim, mna_sf, must, nrs2002, snaq, snaq65
from .errors import ScreeningInputError
from .facts import ClientFacts
from .fields import Validator
from .inputs import Deriver, Inputs
from .provenance import Derived
from .result import ScreeningResult

# (answers, performed_on, facts) -> ScreeningResult (GlimResult for GLIM)
Scorer = Callable[[Mapping[str, Any], Any, Any], Any]


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    version: str
    fields: Mapping[str, Validator]
    derivers: Mapping[str, Deriver]
    scorer: Scorer

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.fields)

    @property
    def derivable(self) -> frozenset[str]:
        return frozenset(self.derivers)


INSTRUMENTS: Mapping[str, Instrument] = MappingProxyType({
    m.CODE: Instrument(m.CODE, m.NAME, m.VERSION, m.FIELDS, getattr(m, "DERIVERS", {}), m.score)
    for m in (must, mna_sf, nrs2002, snaq, snaq65, eat10)
})
# GLIM is an assessment, not a screening; it shares the key checks and the derivation.
GLIM = Instrument(glim.METHOD, "GLIM diagnosis", glim.VERSION, glim.FIELDS, glim.DERIVERS,
                  glim.diagnose_glim)


def owners_of(key: str) -> tuple[str, ...]:
    """Instruments (and GLIM) that accept ``key`` — used to explain an unknown key."""
    return tuple(i.code for i in (*INSTRUMENTS.values(), GLIM) if key in i.fields)


def instrument(code: Any) -> Instrument:
    if not isinstance(code, str) or code not in INSTRUMENTS:
        raise ScreeningInputError({"instrument": [
            f"unknown instrument {code!r}; expected one of: {', '.join(INSTRUMENTS)}"]})
    return INSTRUMENTS[code]


def score(instrument_code: str, answers: Mapping[str, Any], facts: ClientFacts | None,
          performed_on: date | datetime) -> ScreeningResult:
    """Validate, derive what the caller left out, score, and schedule the next screening."""
    result: ScreeningResult = instrument(instrument_code).scorer(answers, performed_on, facts)
    return result


def derive_inputs(code: str, answers: Mapping[str, Any], facts: ClientFacts | None,
                  performed_on: date | datetime) -> dict[str, Derived]:
    """Preview for ``code`` (an instrument or "glim"): every derivable key the caller left
    out that the facts can fill, e.g. to prefill a form. What cannot be derived is simply
    absent; unknown or invalid answers still raise ScreeningInputError."""
    spec = GLIM if code == GLIM.code else instrument(code)
    inp = Inputs(spec.code, answers, spec.fields, spec.derivers, facts, performed_on,
                 check_setting=False)
    inp.check()
    for key in spec.derivers:
        inp.get(key, required=False)
    return dict(inp.derived)
