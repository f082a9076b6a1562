"""Derivers: how a key the caller left out is filled from the client's stored facts.

Spec rules implemented here:
- BMI from the latest weight and the latest height measured on or before the screening date.
- Weight loss over N months: the "earlier" weight is the latest weight measured on or before
  (screening date − N calendar months); the current weight is the latest one on or before the
  screening date. Our reading, stated: the current weight must be measured AFTER that cut-off
  date — if the latest weight is itself older than the period, nothing is known about the
  period and the key is not derivable (comparing a weight with itself would report "0 %
  loss" for a client nobody has weighed in months).
- Age in completed years at the screening date, from the birth date.
Each deriver returns a ``Derived`` (value, method, sources) or raises ``NotDerivable``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .common import add_months, age_at, bmi, to_decimal, weight_loss_kg, weight_loss_percent
from .facts import Measurement, latest_on_or_before
from .inputs import MISSING, Deriver, Inputs
from .provenance import Derived, NotDerivable, Source

BMI_METHOD = "weight_kg / (height_cm / 100)^2, rounded half-up to 0.1"


class NoEarlierWeight(NotDerivable):
    """No weight on or before the period's cut-off date (MUST then falls back to 3 months)."""


def derive_bmi(inp: Inputs) -> Derived:
    weight = latest_on_or_before(inp.facts.weights, inp.on)
    height = latest_on_or_before(inp.facts.heights, inp.on)
    if weight is None or height is None:
        raise NotDerivable("; ".join(f"no {fact} measured on or before {inp.on}"
                                     for fact, m in (("weight_kg", weight), ("height_cm", height))
                                     if m is None))
    return Derived(bmi(weight.value, height.value), BMI_METHOD,
                   (Source.of("weight_kg", weight), Source.of("height_cm", height)))


def weight_window(inp: Inputs, months: int) -> tuple[Measurement, Measurement]:
    """(earlier, current) weights for a loss over ``months`` calendar months."""
    cutoff = add_months(inp.on, -months)
    earlier = latest_on_or_before(inp.facts.weights, cutoff)
    if earlier is None:
        raise NoEarlierWeight(f"no weight_kg measured on or before {cutoff}, "
                              f"{months} months before {inp.on}")
    current = latest_on_or_before(inp.facts.weights, inp.on)
    assert current is not None  # earlier itself qualifies
    if current.on <= cutoff:
        raise NotDerivable(f"no weight_kg measured after {cutoff} to compare with "
                           f"the weight of {earlier.on}")
    return earlier, current


def _weight_sources(earlier: Measurement, current: Measurement) -> tuple[Source, ...]:
    return (Source.of("weight_kg", earlier), Source.of("weight_kg", current))


def loss_percent_over(months: int) -> Deriver:
    def derive(inp: Inputs) -> Derived:
        earlier, current = weight_window(inp, months)
        return Derived(weight_loss_percent(earlier.value, current.value),
                       f"weight loss over {months} months: (earlier - current) / earlier x 100, "
                       "rounded half-up to 0.1; a gain is 0", _weight_sources(earlier, current))
    return derive


def loss_percent_6_else_3(inp: Inputs) -> Derived:
    """MUST: loss over 6 months, or over 3 months when no weight exists at the 6-month date."""
    try:
        return loss_percent_over(6)(inp)
    except NoEarlierWeight as six:
        try:
            derived = loss_percent_over(3)(inp)
        except NotDerivable as three:
            raise NotDerivable(f"{six.reason}; {three.reason}") from None
        return replace(derived, method=derived.method + " (no weight at the 6-month date)")


def loss_kg_over(months: int, method: str, classify: Callable[[float], Any]) -> Deriver:
    """A key derived from the exact kilograms lost over ``months`` (MNA-SF, SNAQ65+)."""
    def derive(inp: Inputs) -> Derived:
        earlier, current = weight_window(inp, months)
        kg = weight_loss_kg(earlier.value, current.value)
        return Derived(classify(kg), f"{kg} kg lost over {months} months: {method}",
                       _weight_sources(earlier, current))
    return derive


def derive_age(inp: Inputs) -> Derived:
    born = inp.facts.birth_date
    if born is None:
        raise NotDerivable("no birth date on the client record")
    if born > inp.on:
        raise NotDerivable(f"birth date {born} is after the screening date {inp.on}")
    return Derived(age_at(born, inp.on), "completed years at the screening date",
                   (Source("birth_date", born, "client"),))


def latest_of(fact: str, series: str) -> Deriver:
    """The latest stored measurement of ``fact`` (e.g. MUAC) on or before the screening date."""
    def derive(inp: Inputs) -> Derived:
        m = latest_on_or_before(getattr(inp.facts, series), inp.on)
        if m is None:
            raise NotDerivable(f"no {fact} measured on or before {inp.on}")
        return Derived(float(to_decimal(m.value)),
                       f"latest {fact} measured on or before the screening date",
                       (Source.of(fact, m),))
    return derive


def from_key(source_key: str, method: str, rule: Callable[[Any], Any]) -> Deriver:
    """A key computed from another key's value, whether given or itself derived."""
    def derive(inp: Inputs) -> Derived:
        value = inp.get(source_key, required=False)
        if value is MISSING:
            why = ("its given value is invalid" if inp.is_invalid(source_key)
                   else inp.why_not(source_key) or "not given")
            raise NotDerivable(f"needs {source_key}: {why}")
        origin = "answers" if source_key in inp.given else "derived"
        return Derived(rule(value), method, (Source(source_key, value, origin),))
    return derive
