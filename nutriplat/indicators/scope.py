"""What one version of an agreement measures and for whom: its indicators (each with its
frozen definition, target and how it is measured) and its cohort, read from the version's
terms. A reporting period is measured by the accepted version in force for it (the first
version while none is accepted), so a renegotiated indicator set or cohort applies from
its period only and the periods before keep the one they were reported and settled on."""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.indicators import definitions
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.models import Agreement, AgreementVersion, IndicatorDefinition
from nutriplat.indicators.versions import ACCEPTED, in_force
from nutriplat.periods import Period


@dataclass(frozen=True)
class Measured:
    """One indicator as a version states it."""

    definition: IndicatorDefinition
    target: Decimal | None
    data_source: str
    audit_rule: dict[str, Any] | None


@dataclass(frozen=True)
class Scope:
    version: int
    cohort: dict[str, Any]
    indicators: list[Measured]

    def definitions(self) -> list[Definition]:
        return [Definition.of(item.definition) for item in self.indicators]

    def targets(self) -> dict[str, Decimal | None]:
        return {item.definition.code: item.target for item in self.indicators}

    def key(self) -> str:
        """What a period's report depends on: a version with another key reports other rows."""
        return report_key(self.cohort, [(i.definition.code, i.definition.version, i.data_source)
                                        for i in self.indicators])


def report_key(cohort: dict[str, Any], indicators: list[tuple[str, int, str]]) -> str:
    return json.dumps({"cohort": cohort, "indicators": indicators}, sort_keys=True)


def of_version(session: Session, agreement: Agreement, version: AgreementVersion) -> Scope:
    """The version's scope. Versions made before terms carried the indicators and cohort
    state only targets and rules: their indicators and cohort are the agreement's own."""
    terms = version.terms
    if "indicators" not in terms:
        return _own(agreement, version.version, terms["targets"])
    own = {(item.definition.code, item.definition.version): item.definition for item in agreement.indicators}
    found = []
    for item in terms["indicators"]:
        definition = own.get((item["code"], item["version"])) or definitions.by_code(
            session, item["code"], item["version"], agreement.organisation_id)
        if definition is None:  # definitions are never deleted; a version names only stored ones
            raise LookupError(f"Indicator {item['code']} version {item['version']} is not stored.")
        found.append(Measured(definition, _target(item.get("target")), item["data_source"], item.get("audit_rule")))
    return Scope(version.version, dict(terms["cohort"]), found)


def of_period(session: Session, agreement: Agreement, period: Period) -> Scope:
    """The scope that measures the period: the accepted version in force, else the first."""
    version = in_force(agreement, period) or next(iter(agreement.versions), None)
    if version is None:  # an agreement stored without versions (made outside the service): its own rows
        return _own(agreement, 1, {})
    return of_version(session, agreement, version)


def of_each_version(session: Session, agreement: Agreement) -> list[Scope]:
    """The scopes that measure, or may come to measure, some period: the first version's
    and every accepted one's (a proposal measures nothing until it is accepted)."""
    first = next(iter(agreement.versions), None)
    if first is None:
        return [_own(agreement, 1, {})]
    return [of_version(session, agreement, version) for version in agreement.versions
            if version is first or version.status == ACCEPTED]


def _own(agreement: Agreement, version: int, targets: dict[str, Any]) -> Scope:
    return Scope(version, dict(agreement.cohort), [
        Measured(item.definition, _target(targets[code]) if (code := item.definition.code) in targets
                 else item.target, item.data_source, item.audit_rule) for item in agreement.indicators])


def _target(text: Any) -> Decimal | None:
    return None if text is None else Decimal(str(text))
