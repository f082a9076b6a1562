"""Early warning on every new event: the services that record measurements, intake,
screenings and delivery confirmations call one of these inside their own transaction,
so an alert exists exactly when the event that raised it does."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.clients.models import Client, IntakeRecord, Measurement
from nutriplat.clock import business_date, business_today
from nutriplat.monitoring.evaluation import evaluate_clients


def _evaluate(session: Session, client_id: int, family: str, day: date | None) -> None:
    """As of today, or as of the event's own date when that is later (simulated days)."""
    client = session.get(Client, client_id)
    if client is not None:
        session.flush()
        evaluate_clients(session, [client], max(business_today(), day or date.min), (family,))


def on_observation(session: Session, record: Any) -> None:
    """After a measurement (only weights matter) or an intake record."""
    if isinstance(record, Measurement) and record.type == "weight_kg":
        _evaluate(session, record.client_id, "weight", business_date(record.measured_at))
    elif isinstance(record, IntakeRecord):
        _evaluate(session, record.client_id, "intake", record.date)


def on_screening(session: Session, client_id: int, day: date | None = None) -> None:
    """After a screening or a GLIM assessment."""
    _evaluate(session, client_id, "screening", day)


def on_delivery(session: Session, client_id: int, day: date | None = None) -> None:
    """After a delivery confirmation (delivered, not home or refused)."""
    _evaluate(session, client_id, "deliveries", day)
