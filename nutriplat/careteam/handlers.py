"""The care team's handler of monitoring's events (``nutriplat.events``): a new alert is
told to the people its rule's route names, in the alert's own transaction, so the
notifications exist exactly when the alert does. Idempotent: once per alert."""
from __future__ import annotations

from typing import Any

from nutriplat import events
from nutriplat.careteam.alerting import tell_care_team


@events.handles(events.AlertRaised, events.IN_TRANSACTION)
def tell_on_alert(uow: Any, event: events.AlertRaised) -> None:
    tell_care_team(uow, event.alert_id)
