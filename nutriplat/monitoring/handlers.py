"""Early warning on every new event: monitoring handles the events that clients,
screening and inventory record, inside the transaction that stores them, so an alert
exists exactly when the event that raised it does (``nutriplat.events``)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from nutriplat import events
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.monitoring.evaluation import evaluate_clients


def _evaluate(uow: Any, client_id: int | None, family: str, day: date | None) -> None:
    """As of today, or as of the event's own date when that is later (simulated days)."""
    if client_id is None:  # a ward's crate: the missed-delivery rules watch a client's own door
        return
    session = uow.session
    client = session.get(Client, client_id)
    if client is not None:
        session.flush()
        evaluate_clients(session, [client], max(business_today(), day or date.min), (family,), uow.record)


def _rule_family(event_type: type, family: str, day_of: Callable[[Any], date]) -> Callable[[Any, Any], None]:
    """Register the evaluation of one rule family on ``event_type``, in its transaction."""
    @events.handles(event_type, events.IN_TRANSACTION)
    def handle(uow: Any, event: Any) -> None:
        _evaluate(uow, event.client_id, family, day_of(event))
    return handle


on_weight = _rule_family(events.WeightRecorded, "weight", lambda e: e.on)
on_intake = _rule_family(events.IntakeRecorded, "intake", lambda e: e.on)
on_screening = _rule_family(events.ScreeningRecorded, "screening", lambda e: e.on)  # screening or GLIM
on_delivery = _rule_family(events.DeliveryConfirmed, "deliveries", lambda e: e.delivery_date)  # any outcome
on_transfer = _rule_family(events.ClientTransferred, "setting", lambda e: e.transferred_on)  # a discharge
