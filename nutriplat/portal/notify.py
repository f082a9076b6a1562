"""The one sending point of the portal: every new message passes here once it is stored.

No e-mail or SMS is sent in this issue; a real provider (``nutriplat.notifications``)
plugs in by replacing ``send`` — the callers never change."""
from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """What a provider needs to tell someone there is a new message (no health data)."""

    organisation_id: int
    client_id: int
    message_id: int
    to_client_side: bool  # to the client and their caregivers, or to the dietitian


def send(notice: Notice) -> None:
    log.info("new portal message %s for client %s (to the %s)", notice.message_id, notice.client_id,
             "client's side" if notice.to_client_side else "dietitian")
