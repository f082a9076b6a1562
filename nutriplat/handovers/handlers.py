"""Handovers' handler of the clients area's events (``nutriplat.events``): every
care-setting transfer produces its handover document.

In transaction: the handover is written with the transfer itself, from the record as it
is at that moment, so it exists exactly when the transfer does and holds what was handed
over (later changes to the record do not alter it). Idempotent: a transfer's handover is
written once."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat.clients.models import CareSettingTransfer, Client
from nutriplat.handovers.handing_over import hand_over


@events.handles(events.ClientTransferred, events.IN_TRANSACTION)
def hand_over_on_transfer(uow: Any, event: events.ClientTransferred) -> None:
    session = uow.session
    session.flush()  # the transfer row is recorded just before its event
    transfer = session.scalar(select(CareSettingTransfer).where(
        CareSettingTransfer.client_id == event.client_id, CareSettingTransfer.to_setting == event.to_setting,
        CareSettingTransfer.transferred_on == event.transferred_on)
        .order_by(CareSettingTransfer.id.desc()).limit(1))
    if transfer is not None:
        hand_over(session, session.get_one(Client, event.client_id), transfer)
