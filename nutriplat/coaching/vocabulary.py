"""The words of the coaching tool."""
from typing import Final

MODES: Final = ("home_visit", "phone", "video", "facility")
STATUSES: Final = ("planned", "held")
OWNERS: Final = ("client", "caregiver", "dietitian")
SOAP: Final = ("subjective", "objective", "assessment", "plan")
