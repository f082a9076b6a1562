"""The enumerations of issue 2 and shared/spec/food.md, in one place, so the generator
and its tests check against the same lists the API validates with."""
from __future__ import annotations

ORGANISATION_TYPES = ("provider", "referrer", "cofinancer", "supplier", "fund", "care_facility")
ROLES = ("admin", "dietitian", "logistics", "cofinancer", "caregiver", "referrer", "fund", "client", "ward_staff")
SEXES = ("female", "male", "other", "unknown")
CARE_SETTINGS = ("home", "nursing_home", "hospital")
STATUSES = ("referred", "active", "paused", "ended")
CARE_LINES = ("primary", "secondary")
CONDITIONS = ("parkinson", "parkinsonism", "dementia", "cancer", "copd", "stroke", "dysphagia")
PREPARATION_MODES = ("cookbook", "components", "ready_meals")
IDDSI_FOOD_LEVELS = ("3", "4", "5", "6", "7", "7EC")
IDDSI_DRINK_LEVELS = ("0", "1", "2", "3", "4")
# Regulation (EU) No 1169/2011, Annex II - identifiers from shared/spec/food.md.
EU14_ALLERGENS = (
    "gluten", "crustaceans", "eggs", "fish", "peanuts", "soybeans", "milk",
    "nuts", "celery", "mustard", "sesame", "sulphites", "lupin", "molluscs",
)
MEASUREMENT_TYPES = ("weight_kg", "height_cm", "muac_cm", "calf_circumference_cm")
MANDATE_SCOPES = ("view", "record", "order")
CONSENT_PURPOSES = ("care", "cofinancer_reporting", "research")

