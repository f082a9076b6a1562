"""The referral's life, without a framework or a database: its statuses, which step may
follow which, and how a status reads in FHIR."""
from __future__ import annotations

from typing import Final

URGENCIES: Final = ("routine", "soon", "urgent")
STATUSES: Final = ("received", "triaged", "accepted", "declined", "active", "ended")
SOURCES: Final = ("api", "fhir")

# received → triaged → accepted | declined → active → ended. A referral may be accepted or
# declined straight from the inbox (triage is the dietitian's "seen, looking into it").
TRANSITIONS: Final = {
    "received": ("triaged", "accepted", "declined"),
    "triaged": ("accepted", "declined"),
    "accepted": ("active", "ended"),
    "declined": (),
    "active": ("ended",),
    "ended": (),
}

# The step's timestamp column (Referral.<status>_at).
STAMPS: Final = {"triaged": "triaged_at", "accepted": "accepted_at", "declined": "declined_at",
                 "active": "activated_at", "ended": "ended_at"}


def may_move(current: str, to: str) -> bool:
    return to in TRANSITIONS.get(current, ())


# FHIR (docs/fhir/README.md): the ServiceRequest says whether the request stands, the
# Task says how far the provider has taken it.
SERVICE_REQUEST_STATUS: Final = {
    "received": "active", "triaged": "active", "accepted": "active", "active": "active",
    "declined": "revoked", "ended": "completed",
}
TASK_STATUS: Final = {
    "received": "received", "triaged": "ready", "accepted": "accepted", "declined": "rejected",
    "active": "in-progress", "ended": "completed",
}
# FHIR ServiceRequest.priority → our urgency (asap and stat are both urgent).
URGENCY_OF_PRIORITY: Final = {"routine": "routine", "urgent": "soon", "asap": "urgent", "stat": "urgent"}
PRIORITY_OF_URGENCY: Final = {"routine": "routine", "soon": "urgent", "urgent": "asap"}

