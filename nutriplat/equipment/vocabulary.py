"""The equipment area's vocabulary."""
from typing import Final

ASSET_KINDS: Final = ("freezer", "regeneration_oven")
# in_stock (in its warehouse) → installed (at one client's home) → in_stock (collected) …;
# in_repair after a breakdown; retired for good.
ASSET_STATES: Final = ("in_stock", "installed", "in_repair", "retired")
# The storage classes an asset's capacity is given in (litres), as the catalogue names them.
STORAGE_CLASSES: Final = ("frozen", "chilled", "ambient")
# Which home appliance location an asset of a kind stands for (None: it holds no stock).
STORAGE_OF_KIND: Final = {"freezer": "frozen", "regeneration_oven": None}

TASK_KINDS: Final = ("install", "collect", "fetch")  # fetch: a broken asset without a replacement, for repair
TASK_STATUSES: Final = ("planned", "done", "missed", "cancelled")
# Minutes an install or a collection adds to the stop's service time.
TASK_SERVICE_MINUTES: Final = {"install": 20, "collect": 15, "fetch": 15}

REPORTERS: Final = ("client", "driver", "staff")
REPAIR_OUTCOMES: Final = ("repaired", "retired")
# What an asset takes on a van, carried to or from a home (litres, kg): a chest freezer
# of about 100 l holds about 0.25 m³ outside and weighs about 45 kg; a regeneration oven
# about 60 l and 20 kg.
VAN_SPACE_OF_KIND: Final = {"freezer": (250.0, 45.0), "regeneration_oven": (60.0, 20.0)}
