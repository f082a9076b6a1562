"""The words of the information platform."""
from typing import Final

KINDS: Final = ("article", "video", "leaflet")
TOPICS: Final = ("texture_and_swallowing", "parkinson_protein_timing", "fluid", "weight_loss",
                 "regenerating_meals", "caregiver_support")
LANGUAGES: Final = ("nl-BE", "en")
DEFAULT_LANGUAGE: Final = "nl-BE"  # the pilot's language, for what rules assign

# The items rules assign, by the library key they look for.
SWALLOWING_KEY: Final = "swallowing-eat10"  # EAT-10 ≥ 3: swallowing problems suspected
EAT_10_THRESHOLD: Final = 3


def iddsi_key(level: str) -> str:
    """The item explaining an IDDSI food level ('4' → 'iddsi-level-4')."""
    return f"iddsi-level-{level}"
