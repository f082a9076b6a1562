"""The words of care facilities and their service agreements."""
from datetime import time
from typing import Final

# A ward is in a nursing home or a hospital: the care setting of the clients who live there.
WARD_SETTINGS: Final = ("nursing_home", "hospital")
# How the provider prices the meals it serves a facility, and whom it invoices.
PRICING: Final = ("per_meal", "per_resident_day")
INVOICE_TO: Final = ("facility", "client")
# ISO weekdays (1 Monday … 7 Sunday) on which the provider delivers.
WEEKDAYS: Final = (1, 2, 3, 4, 5, 6, 7)
# When a site receives its crates unless its agreement says otherwise (Brussels), and how
# long unloading every ward's crates takes (the route stop's service time).
DEFAULT_RECEIVING: Final = (time(7), time(11))
DEFAULT_UNLOADING_MINUTES: Final = 20
