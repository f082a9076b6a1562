"""The versions of an agreement's terms, plain functions over the rows: its status, the
terms as they stand, their checksum, the version in force. The terms are all the parties
negotiate: the indicators (each with its definition version, target and how it is measured:
instrument, who measures, data source, frequency, audit rule — whose minimum agreement rate
makes payment conditional on the audit), the cohort, the outcomes and the payment rules.
Versions made before they held more state only ``targets`` and ``payment_rules``
(``scope.py`` reads the rest from the agreement)."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

from nutriplat.indicators.method import FIELDS as MEASUREMENT
from nutriplat.indicators.models import Agreement, AgreementVersion
from nutriplat.periods import Period

DRAFT, PROPOSED, ACCEPTED = "draft", "proposed", "accepted"


def status(agreement: Agreement, today: date) -> str:
    if agreement.status != ACCEPTED:
        return agreement.status
    if today > agreement.ends_on:
        return "ended"
    return "active" if today >= agreement.starts_on else ACCEPTED


def checksum(terms: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(terms, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def current_terms(agreement: Agreement) -> dict[str, Any]:
    """The terms as the agreement states them (its first version)."""
    indicators = [indicator_terms(item.definition.code, item.definition.version, item.target,
                                  {name: getattr(item, name) for name in MEASUREMENT})
                  for item in agreement.indicators]
    return full_terms(indicators, dict(agreement.cohort), list(agreement.outcomes or []),
                      [{"position": r.position, "kind": r.kind, "params": r.params} for r in agreement.rules])


def full_terms(indicators: list[dict[str, Any]], cohort: dict[str, Any], outcomes: list[dict[str, Any]],
               rules: list[dict[str, Any]]) -> dict[str, Any]:
    # ``targets`` repeats the indicators' targets: the statement and older readers take them there
    return {"targets": {item["code"]: item["target"] for item in indicators}, "indicators": indicators,
            "cohort": cohort, "outcomes": outcomes, "payment_rules": rules}


def indicator_terms(code: str, version: int, target: Decimal | None, measurement: dict[str, Any]) -> dict[str, Any]:
    return {"code": code, "version": version, "target": None if target is None else format(target.normalize(), "f"),
            **measurement}


def in_force(agreement: Agreement, period: Period) -> AgreementVersion | None:
    """The accepted version that settles the period: the latest in force from it or before."""
    accepted = [v for v in agreement.versions
                if v.status == ACCEPTED and Period.parse(v.effective_from).start <= period.start]
    return max(accepted, key=lambda v: v.version, default=None)


def stated(agreement: Agreement, version: AgreementVersion) -> dict[str, Any]:
    """A version's full terms; one made before terms held more states its targets and rules
    only, over the agreement's own indicators, cohort and outcomes."""
    if "indicators" in version.terms:
        return version.terms
    own = current_terms(agreement)
    return full_terms([item | {"target": version.terms["targets"].get(item["code"])} for item in own["indicators"]],
                      own["cohort"], own["outcomes"], version.terms["payment_rules"])
