"""The versions of an agreement's terms (targets and payment rules), plain functions over
the rows: its status, the terms as they stand, their checksum, the version in force."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

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
    """The terms as the agreement states them: targets per indicator and payment rules."""
    return {"targets": {item.definition.code: None if item.target is None else format(item.target.normalize(), "f")
                        for item in agreement.indicators},
            "payment_rules": [{"position": r.position, "kind": r.kind, "params": r.params} for r in agreement.rules]}


def in_force(agreement: Agreement, period: Period) -> AgreementVersion | None:
    """The accepted version that settles the period: the latest in force from it or before."""
    accepted = [v for v in agreement.versions
                if v.status == ACCEPTED and Period.parse(v.effective_from).start <= period.start]
    return max(accepted, key=lambda v: v.version, default=None)
