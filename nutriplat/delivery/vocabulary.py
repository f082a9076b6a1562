"""The delivery area's words and limits."""
from datetime import time
from decimal import Decimal
from typing import Final

# Delivery orders: planned (picking may still change it), picked onto a van, then what the
# driver found at the door (OUTCOMES), or cancelled before picking.
ORDER_STATUSES: Final = ("planned", "picked", "delivered", "not_home", "refused", "cancelled")
OPEN_ORDER_STATUSES: Final = ("planned", "picked")  # on their way: count as incoming at home
OUTCOMES: Final = ("delivered", "not_home", "refused")  # what the driver found at the door

RUN_STATUSES: Final = ("queued", "running", "done", "failed", "cancelled")

DEFAULT_WINDOW: Final = (time(9, 0), time(17, 0))
DEFAULT_SERVICE_MINUTES: Final = 5
PICKUP_SERVICE_MINUTES: Final = 5  # a recall's collect lines at a stop
DEFAULT_DEPOT_HOURS: Final = (time(7, 0), time(19, 0))

MAX_TIME_LIMIT_S: Final = 300.0  # a day of a few hundred stops needs far less
# A run whose heartbeat is older than its time limit plus this is taken for dead (the
# process serving it stopped): it no longer blocks a new run of its day.
STALE_AFTER_S: Final = 120.0

# Routing's cost unit is one metre driven; a van's fixed cost in euros is converted at
# what a kilometre costs a delivery van (fuel, wear; the driver is paid either way).
EUR_PER_KM: Final = Decimal("0.40")
