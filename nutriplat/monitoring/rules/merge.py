"""How a finding meets the alerts already there: merged into the open alert of the same
rule, or a new alert — unless the evidence was already dealt with by a resolution."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from nutriplat.monitoring.rules.findings import Finding, more_severe


@dataclass(frozen=True)
class OpenAlert:
    severity: str
    detail: dict[str, Any]
    last_detected_on: date
    occurrences: int


@dataclass(frozen=True)
class ResolvedAlert:
    resolved_on: date
    detail: dict[str, Any]


@dataclass(frozen=True)
class Decision:
    action: str  # "create", "update" or "none"
    changes: dict[str, Any]


NOTHING = Decision("none", {})
CLEAR_AFTER_DAYS = 4  # an open alert whose rule has not found it for 4 days is cleared (README: the trade-off)


def dealt_with(finding: Finding, resolved: ResolvedAlert | None) -> bool:
    """Evidence that started before the last resolution was seen by whoever resolved it;
    on the resolution day itself only evidence other than what they saw is new."""
    if resolved is None or finding.evidence_from > resolved.resolved_on:
        return False
    return finding.evidence_from < resolved.resolved_on or dict(finding.detail) == resolved.detail


def decide(finding: Finding, on: date, open_alert: OpenAlert | None,
           resolved: ResolvedAlert | None) -> Decision:
    """Evaluating the same data twice changes nothing; new evidence for an open alert is
    merged into it (severity only goes up while open); after a resolution the rule raises
    a new alert only on new evidence."""
    if open_alert is None:
        if dealt_with(finding, resolved):
            return NOTHING
        return Decision("create", {"severity": finding.severity, "cause": finding.cause,
                                   "detail": dict(finding.detail), "evidence_from": finding.evidence_from,
                                   "first_detected_on": on, "last_detected_on": on, "occurrences": 1})
    if dict(finding.detail) == open_alert.detail:
        if on <= open_alert.last_detected_on:
            return NOTHING
        return Decision("update", {"last_detected_on": on})
    return Decision("update", {
        "severity": more_severe(open_alert.severity, finding.severity), "cause": finding.cause,
        "detail": dict(finding.detail), "last_detected_on": max(on, open_alert.last_detected_on),
        "occurrences": open_alert.occurrences + 1})


def cleared(last_detected_on: date, on: date) -> bool:
    """The rule, evaluated on ``on``, no longer finds what raised the alert, and has not
    for CLEAR_AFTER_DAYS: the condition is over (intake back up, a new weighing without the
    loss), so the alert closes by itself and its case loses the signal."""
    return (on - last_detected_on).days >= CLEAR_AFTER_DAYS
