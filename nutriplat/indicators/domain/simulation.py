"""Contract simulation (step 3C of the contracting plan), pure numpy: an agreement
version's payment rules run over scenario draws, vectorised over the draws.

A scenario is the cohort size, the expected improvement of every indicator over its
baseline (a fraction in its better direction: 0.10 is 10 % better) and the spread of that
improvement between draws (a standard deviation, as a fraction). Per draw the improvement
is drawn once for the cohort; a share indicator (a count of the denominator's clients)
then counts each of its clients as reaching the outcome or not at that draw's rate (the
clients' Bernoulli outcomes, summed as a binomial); other indicators take the improved
value. Fixed seed, same distribution: the generator is numpy's PCG64 seeded with it.
Amounts are whole cents (int64) per draw, each rule's line rounded half up as a statement
rounds it; totals, percentiles (a draw's own amount, never interpolated) and means are exact
``Decimal`` euros. A statement is never computed here."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

PERCENTILES = (10, 50, 90)
CENT = Decimal("0.01")


def cents(amount: Any) -> int:
    """A parameter's euro amount (text or Decimal) in whole cents."""
    return int((Decimal(str(amount)) * 100).to_integral_value(ROUND_HALF_UP))


def _rounded(euros: np.ndarray) -> np.ndarray:
    """Float euros per draw to whole cents, half away from zero (as ``ROUND_HALF_UP``)."""
    return (np.sign(euros) * np.floor(np.abs(euros) * 100 + 0.5)).astype(np.int64)


def euros(value_cents: int) -> Decimal:
    return (Decimal(int(value_cents)) / 100).quantize(CENT)


@dataclass(frozen=True)
class Indicator:
    code: str
    baseline: float  # its value at baseline
    higher_is_better: bool
    multiplier: float
    counts_clients: bool  # a share: numerator clients of the denominator's
    denominator_share: float  # denominator clients per cohort client (1.0: the whole cohort)
    target: float | None


@dataclass(frozen=True)
class Scenario:
    cohort_size: int
    expected_improvement: float
    spread: float
    months: int  # months in a settlement period
    first_period: bool = True  # the start budget is paid with the first settlement


def _indicator_draws(rng: np.random.Generator, ind: Indicator, improvement: np.ndarray,
                     cohort: int) -> tuple[np.ndarray, np.ndarray]:
    """(value, numerator) per draw."""
    factor = 1 + improvement if ind.higher_is_better else 1 - improvement
    value = ind.baseline * factor
    if not ind.counts_clients:
        return value, value
    clients = max(round(cohort * ind.denominator_share), 0)
    rate = np.clip(value / ind.multiplier, 0.0, 1.0)
    numerator = rng.binomial(clients, rate).astype(np.float64)
    shown = numerator * ind.multiplier / clients if clients else np.full_like(rate, np.nan)
    return shown, numerator


def _better_or_equal(values: np.ndarray, reference: float, higher_is_better: bool) -> np.ndarray:
    return values >= reference if higher_is_better else values <= reference


def payments(rules: Sequence[Mapping[str, Any]], indicators: Mapping[str, Indicator], scenario: Scenario,
             draws: int, seed: int) -> dict[str, np.ndarray]:
    """Per rule (``"<position>:<kind>"``) the payment per draw, and ``"total"``."""
    rng = np.random.default_rng(seed)
    improvement = rng.normal(scenario.expected_improvement, scenario.spread, draws)
    drawn = {code: _indicator_draws(rng, ind, improvement, scenario.cohort_size)
             for code, ind in indicators.items()}
    client_months = float(scenario.cohort_size * scenario.months)
    out: dict[str, np.ndarray] = {}
    for rule in rules:
        kind, params = rule["kind"], rule["params"]
        if kind == "per_client_outcome":
            amount = drawn[params["indicator"]][1].astype(np.int64) * cents(params["price_per_client"])
            if params.get("cap") is not None:
                amount = np.minimum(amount, cents(params["cap"]))
        elif kind == "threshold":
            ind = indicators[params["indicator"]]
            value = drawn[ind.code][0]
            amount = np.where(_better_or_equal(value, ind.target or 0.0, ind.higher_is_better),
                              cents(params["bonus"]), 0).astype(np.int64)
            if params.get("floor") is not None:
                worse = ~_better_or_equal(value, float(params["floor"]), ind.higher_is_better)
                amount = np.where(worse & (amount == 0), -cents(params["clawback"]), amount)
        elif kind == "shared_savings":
            cost = drawn["cost_per_client_month"][0] * client_months
            admissions = (drawn["hospital_admissions"][0] * client_months / 100
                          if "hospital_admissions" in drawn else np.zeros(draws))
            savings = (float(params["expected_cost_per_client_month"]) * client_months
                       - cost - admissions * float(params.get("cost_per_admission") or 0))
            gates = np.ones(draws, dtype=bool)
            for code in params["quality_indicators"]:
                ind = indicators[code]
                gates &= _better_or_equal(drawn[code][0], ind.baseline, ind.higher_is_better)
            amount = _rounded(np.where(gates & (savings > 0), savings * float(params["share"]), 0.0))
            if params.get("cap") is not None:
                amount = np.minimum(amount, cents(params["cap"]))
        else:  # start_budget
            amount = np.full(draws, cents(params["amount"]) if scenario.first_period else 0, dtype=np.int64)
        out[f"{rule['position']}:{kind}"] = amount
    out["total"] = sum(out.values(), np.zeros(draws, dtype=np.int64))
    return out


def _percentile(values: np.ndarray, q: float) -> Decimal:
    return euros(np.percentile(values, q, method="inverted_cdf"))


def mean(values: np.ndarray) -> Decimal:
    return (Decimal(int(values.sum())) / len(values) / 100).quantize(CENT, ROUND_HALF_UP)


def summary(values: np.ndarray) -> dict[str, Decimal]:
    """``values`` in cents: exact euros, each percentile one draw's amount."""
    p10, p50, p90 = (_percentile(values, q) for q in PERCENTILES)
    return {"mean": mean(values), "p10": p10, "p50": p50, "p90": p90, "min": euros(values.min()),
            "max": euros(values.max())}


def risks(total: np.ndarray) -> dict[str, dict[str, Any]]:
    """Each party's risk: what the cofinancer may have to pay, what the provider may get or owe."""
    return {
        "cofinancer": {"expected_payment": mean(total), "p90_payment": _percentile(total, 90),
                       "worst_case_payment": euros(total.max())},
        "provider": {"expected_income": mean(total), "p10_income": _percentile(total, 10),
                     "probability_of_nothing": float((total == 0).mean()),
                     "probability_of_clawback": float((total < 0).mean())},
    }


# Each dial moved down and up: how the median payment follows it.
DIALS: dict[str, tuple[float, float]] = {"cohort_size": (0.8, 1.2), "expected_improvement": (-0.05, 0.05),
                                         "spread": (0.5, 2.0)}


def _moved(scenario: Scenario, dial: str, step: float) -> Scenario:
    if dial == "cohort_size":
        return replace(scenario, cohort_size=max(1, round(scenario.cohort_size * step)))
    if dial == "expected_improvement":
        return replace(scenario, expected_improvement=scenario.expected_improvement + step)
    return replace(scenario, spread=scenario.spread * step)


def sensitivity(rules: Sequence[Mapping[str, Any]], indicators: Mapping[str, Indicator], scenario: Scenario,
                draws: int, seed: int) -> list[dict[str, Any]]:
    """Per dial, the scenario moved down and up (same seed) and the payment's p10/p50/p90 then."""
    found = []
    for dial, (low, high) in DIALS.items():
        row: dict[str, Any] = {"dial": dial}
        for side, step in (("low", low), ("high", high)):
            moved = _moved(scenario, dial, step)
            total = payments(rules, indicators, moved, draws, seed)["total"]
            row[side] = {"value": getattr(moved, dial), **{k: v for k, v in summary(total).items()
                                                          if k in ("p10", "p50", "p90")}}
        found.append(row)
    return found


def histogram(total: np.ndarray, bins: int = 20) -> dict[str, list[float]]:
    counts, edges = np.histogram(total / 100, bins=bins)
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}
