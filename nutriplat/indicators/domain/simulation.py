"""Contract simulation (step 3C of the contracting plan), pure numpy: an agreement
version's payment rules run over scenario draws, vectorised over the draws.

A scenario is the cohort size, the expected improvement of every indicator over its
baseline (a fraction in its better direction: 0.10 is 10 % better) and the spread of that
improvement between draws (a standard deviation, as a fraction). Per draw the improvement
is drawn once for the cohort; a share indicator (a count of the denominator's clients)
then counts each of its clients as reaching the outcome or not at that draw's rate (the
clients' Bernoulli outcomes, summed as a binomial); other indicators take the improved
value. Fixed seed, same distribution: the generator is numpy's PCG64 seeded with it.
Amounts here are float estimates of a distribution; a statement is never computed here."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

PERCENTILES = (10, 50, 90)


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
            amount = drawn[params["indicator"]][1] * float(params["price_per_client"])
            if params.get("cap") is not None:
                amount = np.minimum(amount, float(params["cap"]))
        elif kind == "threshold":
            ind = indicators[params["indicator"]]
            value = drawn[ind.code][0]
            amount = np.where(_better_or_equal(value, ind.target or 0.0, ind.higher_is_better),
                              float(params["bonus"]), 0.0)
            if params.get("floor") is not None:
                worse = ~_better_or_equal(value, float(params["floor"]), ind.higher_is_better)
                amount = np.where(worse & (amount == 0), -float(params["clawback"]), amount)
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
            amount = np.where(gates & (savings > 0), savings * float(params["share"]), 0.0)
            if params.get("cap") is not None:
                amount = np.minimum(amount, float(params["cap"]))
        else:  # start_budget
            amount = np.full(draws, float(params["amount"]) if scenario.first_period else 0.0)
        out[f"{rule['position']}:{kind}"] = amount
    out["total"] = sum(out.values(), np.zeros(draws))
    return out


def summary(values: np.ndarray) -> dict[str, float]:
    p10, p50, p90 = np.percentile(values, PERCENTILES)
    return {"mean": float(values.mean()), "p10": float(p10), "p50": float(p50), "p90": float(p90),
            "min": float(values.min()), "max": float(values.max())}


def risks(total: np.ndarray) -> dict[str, dict[str, float]]:
    """Each party's risk: what the cofinancer may have to pay, what the provider may get or owe."""
    return {
        "cofinancer": {"expected_payment": float(total.mean()), "p90_payment": float(np.percentile(total, 90)),
                       "worst_case_payment": float(total.max())},
        "provider": {"expected_income": float(total.mean()), "p10_income": float(np.percentile(total, 10)),
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
    counts, edges = np.histogram(total, bins=bins)
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}
