"""The terms of an agreement's payment rules: which parameters each kind takes, checked
all at once, and stored with amounts as exact decimal strings."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from nutriplat.indicators.aggregate import Definition

# kind: {parameter: required?}
PARAMETERS: dict[str, dict[str, bool]] = {
    "per_client_outcome": {"indicator": True, "price_per_client": True, "cap": False},
    "threshold": {"indicator": True, "bonus": True, "clawback": True, "floor": False},
    "shared_savings": {"expected_cost_per_client_month": True, "share": True, "cost_per_admission": False,
                       "quality_indicators": True, "cap": False},
    "start_budget": {"amount": True},
}
AMOUNTS = ("price_per_client", "cap", "bonus", "clawback", "expected_cost_per_client_month",
           "cost_per_admission", "amount")
COST, ADMISSIONS = "cost_per_client_month", "hospital_admissions"


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def rule_errors(kind: str, params: Mapping[str, Any], indicators: Mapping[str, Definition],
                targets: Mapping[str, Decimal | None]) -> dict[str, str]:
    """Reasons, by parameter, that the rule cannot be settled."""
    spec = PARAMETERS[kind]
    errors = {name: "Not a parameter of this rule." for name in params if name not in spec}
    errors |= {name: "Required." for name, required in spec.items() if required and params.get(name) is None}
    for name in AMOUNTS:
        if name in spec and params.get(name) is not None:
            number = _decimal(params[name])
            if number is None or number < 0 or number != number.quantize(Decimal("0.01")):
                errors[name] = "Must be an amount in euros, at least 0, with at most two decimals."
    if kind in ("per_client_outcome", "threshold") and params.get("indicator") is not None:
        errors |= _indicator_errors(kind, params, indicators, targets)
    if kind == "shared_savings":
        errors |= _savings_errors(params, indicators)
    return errors


def _indicator_errors(kind: str, params: Mapping[str, Any], indicators: Mapping[str, Definition],
                      targets: Mapping[str, Decimal | None]) -> dict[str, str]:
    code = params["indicator"]
    if code not in indicators:
        return {"indicator": "Must be one of the agreement's indicators."}
    if kind == "per_client_outcome" and indicators[code].counts_staff():
        return {"indicator": "Pays per client: an indicator of the staff survey counts staff, not clients."}
    if kind == "per_client_outcome" and indicators[code].numerator.get("aggregate") != "count":
        return {"indicator": "Must count clients reaching an outcome (its numerator counts clients)."}
    if kind == "threshold":
        if targets.get(code) is None:
            return {"indicator": "The indicator needs a target in the agreement."}
        if params.get("floor") is not None and _decimal(params["floor"]) is None:
            return {"floor": "Must be a number."}
    return {}


def _savings_errors(params: Mapping[str, Any], indicators: Mapping[str, Definition]) -> dict[str, str]:
    errors = {}
    share = _decimal(params.get("share"))
    if params.get("share") is not None and (share is None or not 0 < share <= 1):
        errors["share"] = "Must be a fraction above 0 and at most 1 (0.5 is half)."
    quality = params.get("quality_indicators")
    if quality is not None and (not isinstance(quality, list) or not quality
                                or any(code not in indicators for code in quality)):
        errors["quality_indicators"] = "Must list at least one of the agreement's indicators."
    if COST not in indicators:
        errors["expected_cost_per_client_month"] = f"The agreement needs the indicator {COST}."
    if _decimal(params.get("cost_per_admission") or 0) and ADMISSIONS not in indicators:
        errors["cost_per_admission"] = f"The agreement needs the indicator {ADMISSIONS}."
    return errors


def normalised(params: Mapping[str, Any]) -> dict[str, Any]:
    """Numbers as exact decimal strings, as stored."""
    return {name: str(_decimal(value)) if name in AMOUNTS or name in ("share", "floor") else value
            for name, value in params.items() if value is not None}


def needed_figures(rules: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(indicator, "period" or "baseline") of every total the payment rules read: a rule is
    never computed from a figure that the report hides."""
    needed: list[tuple[str, str]] = []
    for rule in rules:
        kind, params = rule["kind"], rule["params"]
        if kind in ("per_client_outcome", "threshold"):
            needed.append((params["indicator"], "period"))
        elif kind == "shared_savings":
            needed.append((COST, "period"))
            if _decimal(params.get("cost_per_admission") or 0):
                needed.append((ADMISSIONS, "period"))
            needed += [(code, which) for code in params["quality_indicators"] for which in ("baseline", "period")]
    return list(dict.fromkeys(needed))
