"""Keep each client's case in step with their open alerts, inside the transaction that
creates, updates or resolves the alerts (an event's, a batch of the nightly sweep, a
dietitian resolving an alert). Nothing changes when the signals did not: evaluating the
same data twice writes no history. Every opening and every change is written to the audit
log (by the system, with the change and why)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.clients.models import Client
from nutriplat.monitoring.domain import risk
from nutriplat.monitoring.models import Alert, Case, CaseChange
from nutriplat.monitoring.unique_rows import insert_all_once
from nutriplat.screening.assigned_dietitian import Owners

ACTIVE_ALERTS = ("open", "acknowledged")
CURRENT = ("open", "snoozed")


def open_key(client_id: int) -> str:
    return str(client_id)


def update_cases(session: Session, clients: Sequence[Client], on: date, owners: Owners | None = None) -> None:
    """Open, rescore or close the case of each client from their open alerts (``owners``:
    the clients' dietitians, when the caller looked them up already)."""
    if not clients:
        return
    owners = owners or Owners(session, [c.id for c in clients])
    session.flush()
    ids = [c.id for c in clients]
    signals: dict[int, list[risk.Signal]] = defaultdict(list)
    for alert in session.scalars(select(Alert).where(Alert.client_id.in_(ids), Alert.status.in_(ACTIVE_ALERTS))
                                 .order_by(Alert.id)):
        signals[alert.client_id].append(risk.Signal(alert.id, alert.rule, alert.severity, alert.cause))
    cases = {c.client_id: c for c in session.scalars(
        select(Case).where(Case.client_id.in_(ids), Case.status.in_(CURRENT)))}
    opened: list[tuple[Case, risk.Assessment]] = []
    for client in clients:
        assessment = risk.assess(signals[client.id])
        case = cases.get(client.id)
        if case is None and assessment is not None:
            opened.append((_new_case(client, assessment, on, owners.of(client.id)), assessment))
        elif case is not None:
            _follow(session, case, assessment, on)
    _open(session, opened, on)


def _new_case(client: Client, assessment: risk.Assessment, on: date, dietitian_id: int | None) -> Case:
    # An empty history given now spares a query per new case when its first line is added.
    return Case(organisation_id=client.organisation_id, client_id=client.id, status="open",
                open_key=open_key(client.id), dietitian_id=dietitian_id, opened_on=on,
                scoring_version=risk.VERSION, history=[], **_values(assessment))


def _open(session: Session, opened: list[tuple[Case, risk.Assessment]], on: date) -> None:
    """Insert the new cases together; one a concurrent transaction opened a moment ago is
    followed instead."""
    for (case, assessment), inserted in zip(opened, insert_all_once(session, [c for c, _ in opened]), strict=True):
        if inserted:
            _changed(session, case, on, "opened", risk.change_reason(None, assessment))
            continue
        existing = session.scalar(select(Case).where(Case.open_key == case.open_key))
        if existing is not None:
            _follow(session, existing, assessment, on)


def _values(assessment: risk.Assessment) -> dict[str, object]:
    return {"risk_score": assessment.risk_score, "severity": assessment.severity,
            "signals": [c.as_dict() for c in assessment.contributions], "reason": assessment.reason,
            "suggested_action": assessment.suggested_action}


def _stored(case: Case) -> risk.Assessment:
    contributions = tuple(risk.Contribution(int(s["alert_id"]), str(s["rule"]), str(s["kind"]), str(s["severity"]),
                                            int(s["points"]), str(s["cause"])) for s in case.signals)
    return risk.Assessment(case.risk_score, case.severity, contributions, case.reason, case.suggested_action)


def _shape(assessment: risk.Assessment) -> tuple[object, ...]:
    """What a history line is about: which signals, how strong (not their wording)."""
    return (assessment.risk_score, tuple((c.alert_id, c.severity, c.points) for c in assessment.contributions))


def _follow(session: Session, case: Case, assessment: risk.Assessment | None, on: date) -> None:
    before = _stored(case)
    if assessment is None:
        case.status, case.open_key, case.resolved_on, case.snoozed_until = "resolved", None, on, None
        _changed(session, case, on, "closed", "no open signals left")
        return
    changed = _shape(before) != _shape(assessment)
    for name, value in _values(assessment).items():
        setattr(case, name, value)
    case.scoring_version = risk.VERSION
    if not changed:
        return
    why = risk.change_reason(before, assessment)
    rose = risk.BANDS_ORDER.index(assessment.severity) > risk.BANDS_ORDER.index(before.severity)
    if case.status == "snoozed" and rose:
        case.status, case.snoozed_until = "open", None
        _changed(session, case, on, "woken", f"{why}; the snooze ends because the severity rose")
    else:
        _changed(session, case, on, "rescored", why)


def _changed(session: Session, case: Case, on: date, change: str, why: str) -> None:
    """A change the rules made: a line of the case's history and of the audit log."""
    note_change(case, on, change, why)
    audit.record(session, SYSTEM, "create" if change == "opened" else "update", "case", case.id, case.client_id,
                 detail={"change": change, "why": why[:500], "risk_score": case.risk_score,
                         "severity": case.severity}, organisation_id=case.organisation_id)


def note_change(case: Case, on: date, change: str, why: str, by: int | None = None) -> None:
    case.history.append(CaseChange(day=on, change=change, risk_score=case.risk_score, severity=case.severity,
                                   why=why[:500], changed_by=by))
