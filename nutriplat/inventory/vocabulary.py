"""The inventory's vocabulary."""
from typing import Final

LOCATION_KINDS: Final = ("warehouse", "vehicle", "home")
APPLIANCE_TYPES: Final = ("freezer", "fridge", "cupboard")
# Which appliance at home holds which storage class (catalogue storage_class).
APPLIANCE_FOR_STORAGE: Final = {"frozen": "freezer", "chilled": "fridge", "ambient": "cupboard"}

# receipt: into a warehouse · transfer: between warehouses and vehicles · pick: warehouse →
# vehicle for a delivery order · delivery: to a home · return: back from a home or vehicle ·
# consumption: eaten at home · waste: thrown away · expiry: written off past its date ·
# correction: a count that differs from the books · recall: units of a recalled lot accounted
# for (collected, consumed before the recall, destroyed on site), off the books.
MOVE_KINDS: Final = ("receipt", "transfer", "pick", "delivery", "return", "consumption", "waste",
                     "expiry", "correction", "recall")
# What POST /stock/moves may record; the rest come from their own use cases.
MANUAL_MOVE_KINDS: Final = ("receipt", "transfer", "delivery", "return", "consumption", "waste")
# (from kinds, to kinds) per move kind; None: no location on that side.
MOVE_ROUTES: Final = {
    "receipt": (None, ("warehouse",)),
    "transfer": (("warehouse", "vehicle"), ("warehouse", "vehicle")),
    "pick": (("warehouse",), ("vehicle",)),
    "delivery": (("warehouse", "vehicle"), ("home",)),
    "return": (("home", "vehicle"), ("warehouse", "vehicle")),
    "consumption": (("home",), None),
    "waste": (("warehouse", "vehicle", "home"), None),
    "expiry": (("warehouse", "vehicle", "home"), None),
}

# A recall's severity (the authority's classes: high: a risk of serious harm) and what
# happened to each recalled unit.
RECALL_SEVERITIES: Final = ("high", "medium", "low")
RECALL_OUTCOMES: Final = ("collected", "consumed", "destroyed")
RECALL_STATUSES: Final = ("open", "closed")

PO_STATUSES: Final = ("proposed", "approved", "sent", "partially_received", "received", "cancelled")
# Stock on its way: ordered and not received yet. A proposal nobody approved is not
# incoming, or a shortage it was meant to cover would stay hidden while it waits.
INCOMING_PO_STATUSES: Final = ("approved", "sent", "partially_received")
RECEIVABLE_PO_STATUSES: Final = ("sent", "partially_received")
PO_TRANSITIONS: Final = {
    "approve": (("proposed",), "approved"),
    "send": (("approved",), "sent"),
    "cancel": (("proposed", "approved", "sent"), "cancelled"),
}
