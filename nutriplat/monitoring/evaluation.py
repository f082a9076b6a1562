"""Run the early-warning rules for some clients and merge what they find into alerts
(and each client's case), inside the caller's transaction (an event's, or a batch of the
nightly sweep)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.clients.models import Client
from nutriplat.db import utcnow
from nutriplat.monitoring import rule_inputs, rules
from nutriplat.monitoring.case_updates import update_cases
from nutriplat.monitoring.models import Alert
from nutriplat.monitoring.rules.merge import OpenAlert, ResolvedAlert, cleared, decide
from nutriplat.monitoring.unique_rows import insert_all_once
from nutriplat.screening.assigned_dietitian import Owners

ACTIVE = ("open", "acknowledged")


def open_key(client_id: int, rule: str) -> str:
    return f"{client_id}:{rule}"


def evaluate_clients(session: Session, clients: Sequence[Client], on: date,
                     families: Iterable[str] = tuple(rules.FAMILIES),
                     record: Callable[[object], None] | None = None) -> Counter[str]:
    """Counts of alerts ``created`` and ``updated``; ``record`` (the unit of work's) hands
    each new alert on as ``AlertRaised`` (the care team is told)."""
    families = tuple(families)
    seen = rule_inputs.load(session, clients, on, families)
    ids = [c.id for c in clients]
    current = {(a.client_id, a.rule): a for a in session.scalars(
        select(Alert).where(Alert.client_id.in_(ids), Alert.status.in_(ACTIVE)))}
    # The last resolution of each rule wins; a resolved alert has its resolved_on.
    resolved = {(a.client_id, a.rule): ResolvedAlert(a.resolved_on, a.detail) for a in session.scalars(
        select(Alert).where(Alert.client_id.in_(ids), Alert.status == "resolved")
        .order_by(Alert.resolved_at, Alert.id)) if a.resolved_on is not None}
    counts: Counter[str] = Counter()
    owners = Owners(session, ids)
    evaluated = {rule for family in families for rule in rules.RULES_OF_FAMILY[family]}
    new: list[Alert] = []
    for client in clients:
        findings = rules.evaluate(seen[client.id], on, families)
        found = {f.rule for f in findings}
        for (client_id, rule), active in current.items():
            if client_id == client.id and rule in evaluated - found and cleared(active.last_detected_on, on):
                _clear(session, active, on)
                counts["alerts cleared"] += 1
        for finding in findings:
            alert = current.get((client.id, finding.rule))
            state = None if alert is None else OpenAlert(alert.severity, alert.detail, alert.last_detected_on,
                                                         alert.occurrences)
            decision = decide(finding, on, state, resolved.get((client.id, finding.rule)))
            if decision.action == "create":
                new.append(_new_alert(client, finding.rule, decision.changes, owners.of(client.id)))
            elif decision.action == "update" and alert is not None:
                _apply(alert, decision.changes)
            if decision.action != "none":
                counts[f"alerts {decision.action}d"] += 1
    _create(session, new, record)
    update_cases(session, clients, on, owners)  # in the same transaction as the alerts
    return counts


def _apply(alert: Alert, changes: dict[str, object]) -> None:
    for name, value in changes.items():
        setattr(alert, name, value)


def _clear(session: Session, alert: Alert, on: date) -> None:
    alert.status, alert.resolved_at, alert.resolved_on, alert.open_key = "resolved", utcnow(), on, None
    alert.note = f"cleared: not found since {alert.last_detected_on.isoformat()}"
    audit.record(session, SYSTEM, "update", "alert", alert.id, alert.client_id,
                 detail={"rule": alert.rule, "change": "cleared"}, organisation_id=alert.organisation_id)


def _new_alert(client: Client, rule: str, values: dict[str, object], dietitian_id: int | None) -> Alert:
    return Alert(organisation_id=client.organisation_id, client_id=client.id, rule=rule, status="open",
                 open_key=open_key(client.id, rule), dietitian_id=dietitian_id, **values)


def _create(session: Session, alerts: list[Alert], record: Callable[[object], None] | None = None) -> None:
    """Insert the batch's new alerts together; one a concurrent transaction opened first
    is followed instead (its severity, cause and detail brought up to date)."""
    for alert, inserted in zip(alerts, insert_all_once(session, alerts), strict=True):
        if not inserted:
            existing = session.scalar(select(Alert).where(Alert.open_key == alert.open_key))
            if existing is not None:
                _apply(existing, {"severity": alert.severity, "cause": alert.cause, "detail": alert.detail})
            continue
        audit.record(session, SYSTEM, "create", "alert", alert.id, alert.client_id,
                     detail={"rule": alert.rule}, organisation_id=alert.organisation_id)
        if record is not None:
            record(events.AlertRaised(alert.id, alert.client_id, alert.rule, alert.first_detected_on))
