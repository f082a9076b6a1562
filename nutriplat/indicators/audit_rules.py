"""Which audit rule an indicator's measurement audit follows: the one the agreement version
in force for the audited period states (``scope.of_period``). A renegotiated sample size,
verifier or set of audited indicators so applies from its period only; the periods before
keep the rule they were audited on."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.indicators import scope
from nutriplat.indicators.models import Agreement
from nutriplat.periods import Period


def audited_in(scopes: list[scope.Scope], code: str) -> scope.Measured | None:
    """The indicator as the first of the scopes that audits it measures it."""
    return next((item for measured in scopes for item in measured.indicators
                 if item.definition.code == code and item.audit_rule), None)


def rule_of(session: Session, agreement: Agreement, code: str, period_label: str) -> dict[str, Any] | None:
    """The audit rule a drawn audit (its indicator and period) follows."""
    found = audited_in([scope.of_period(session, agreement, Period.parse(period_label))], code)
    return found.audit_rule if found else None


def audited(session: Session, agreement: Agreement) -> list[tuple[str, str]]:
    """Code and name of every indicator some version audits, in the order the versions list them."""
    seen: dict[str, str] = {}
    for measured in scope.of_each_version(session, agreement):
        for item in measured.indicators:
            if item.audit_rule:
                seen.setdefault(item.definition.code, item.definition.name)
    return list(seen.items())


def minimum(audit_rule: dict[str, Any] | None) -> Decimal | None:
    """The agreement rate below which payment on the audited indicator is held, if the rule sets one."""
    value = (audit_rule or {}).get("min_agreement_rate")
    return None if value is None else Decimal(str(value))
