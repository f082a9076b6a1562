"""A settlement statement, calculated from its snapshot alone: the snapshot holds every
figure the payment rules read (aggregates only), so anyone holding it can recompute the
statement to the cent, and the service proves it does (``verification``)."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from nutriplat.indicators import payments, settlement_audits
from nutriplat.indicators.terms import ADMISSIONS, COST
from nutriplat.indicators.values import indicator_value


def _value(indicator: Mapping[str, Any], which: str) -> Decimal | None:
    figure = indicator.get(which)
    if not figure:
        return None
    return indicator_value(Decimal(figure["numerator"]), Decimal(figure["denominator"]),
                           indicator["multiplier"], indicator["decimals"])


def _numerator(indicator: Mapping[str, Any] | None) -> Decimal:
    figure = (indicator or {}).get("period")
    return Decimal(figure["numerator"]) if figure else Decimal(0)


def _amount(params: Mapping[str, Any], name: str) -> Decimal | None:
    return None if params.get(name) is None else Decimal(params[name])


def _line(rule: Mapping[str, Any], by_code: Mapping[str, Mapping[str, Any]],
          snapshot: Mapping[str, Any]) -> payments.PaymentLine:
    kind, params = rule["kind"], rule["params"]
    if kind == "per_client_outcome":
        indicator = by_code[params["indicator"]]
        return payments.per_client_outcome(indicator["name"], int(_numerator(indicator)),
                                           Decimal(params["price_per_client"]), _amount(params, "cap"))
    if kind == "threshold":
        indicator = by_code[params["indicator"]]
        return payments.threshold(indicator["name"], _value(indicator, "period"),
                                  Decimal(indicator["target"]), _amount(params, "floor"),
                                  Decimal(params["bonus"]), Decimal(params["clawback"]),
                                  indicator["higher_is_better"])
    if kind == "shared_savings":
        cost = by_code[COST].get("period") or {"numerator": "0", "denominator": "0"}
        costs = payments.CostInputs(Decimal(cost["denominator"]), Decimal(cost["numerator"]),
                                    int(_numerator(by_code.get(ADMISSIONS))))
        gates = [payments.QualityGate(by_code[code]["name"], _value(by_code[code], "baseline"),
                                      _value(by_code[code], "period"), by_code[code]["higher_is_better"])
                 for code in params["quality_indicators"]]
        return payments.shared_savings(costs, Decimal(params["expected_cost_per_client_month"]),
                                       _amount(params, "cost_per_admission") or Decimal(0),
                                       Decimal(params["share"]), gates, _amount(params, "cap"))
    if kind == "start_budget":
        return payments.start_budget(Decimal(params["amount"]), snapshot["start_budget_paid_before"])
    raise ValueError(f"unknown payment rule {kind!r}")


def calculate(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    by_code = {indicator["code"]: indicator for indicator in snapshot["indicators"]}
    indicators = []
    for indicator in snapshot["indicators"]:
        value, target = _value(indicator, "period"), indicator.get("target")
        met = None if value is None or target is None else payments.better_or_equal(
            value, Decimal(target), indicator["higher_is_better"])
        indicators.append({"code": indicator["code"], "version": indicator["version"],
                           "name": indicator["name"], "unit": indicator["unit"], "value": _str(value),
                           "baseline_value": _str(_value(indicator, "baseline")), "target": target,
                           "met": met})
    audits = snapshot.get("audits") or {}  # snapshots made before audits existed have none
    lines = [(rule, settlement_audits.held(_line(rule, by_code, snapshot), rule, audits)) for rule in snapshot["rules"]]
    return {
        "indicators": indicators,
        **({"audits": settlement_audits.statement_rows(audits)} if audits else {}),
        "lines": [{"position": rule["position"], "kind": line.kind, "description": line.description,
                   "amount": str(line.amount),
                   "steps": [{"description": s.description, "value": s.value} for s in line.steps]}
                  for rule, line in lines],
        "total": str(payments.total([line for _, line in lines])),
    }


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
