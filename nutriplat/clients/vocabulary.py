"""Enumerations and plausible ranges of the client record."""
from typing import Final

SEXES: Final = ("female", "male", "other", "unknown")
CARE_SETTINGS: Final = ("home", "nursing_home", "hospital")
CONDITIONS: Final = ("parkinson", "parkinsonism", "dementia", "cancer", "copd", "stroke", "dysphagia")
CARE_LINES: Final = ("primary", "secondary")
PREPARATION_MODES: Final = ("cookbook", "components", "ready_meals")

STATUSES: Final = ("referred", "active", "paused", "ended")
# The reasons the service writes itself when a record is created (people type the others);
# the pages show them in the reader's language.
INITIAL_SETTING: Final = "initial setting"
RECORD_CREATED: Final = "record created"
# referred → active → paused ⇄ active; any → ended, which is final.
STATUS_TRANSITIONS: Final = {
    "referred": ("active", "ended"),
    "active": ("paused", "ended"),
    "paused": ("active", "ended"),
    "ended": (),
}

MANDATE_SCOPES: Final = ("view", "record", "order")
CONSENT_PURPOSES: Final = ("care", "cofinancer_reporting", "research")

# Values outside these ranges are typing errors, not people (bounds inclusive).
MEASUREMENT_RANGES: Final = {
    "weight_kg": (20.0, 350.0),
    "height_cm": (90.0, 230.0),
    "muac_cm": (10.0, 60.0),
    "calf_circumference_cm": (15.0, 70.0),
}
MEASUREMENT_TYPES: Final = tuple(MEASUREMENT_RANGES)
