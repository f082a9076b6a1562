"""Towns, streets and care sites of the Roeselare pilot region (West Flanders).

Why real town centres and street names: the delivery-route optimiser and the map in
the demo must show a believable spread of stops. House numbers are invented, and
positions are jittered around the town centre (at most JITTER_KM), so no real
household is pinned. Nursing-home names are fictional; AZ Delta is the real hospital.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .model import Address, CareSite, Location

JITTER_KM = 1.5  # keeps every point inland and inside the pilot bounding box
KM_PER_DEG_LAT = 111.2


@dataclass(frozen=True)
class Town:
    city: str
    postal_code: str
    lat: float
    lon: float
    area_code: str  # landline zone: 051 Roeselare/Izegem/Tielt, 056 Kortrijk
    streets: tuple[str, ...]


_GENERIC = ("Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Nieuwstraat")

# (town, number of home clients) - weighted towards Roeselare, the pilot's centre.
TOWNS: tuple[tuple[Town, int], ...] = (
    (Town("Roeselare", "8800", 50.9465, 3.1228, "51", (
        "Ooststraat", "Noordstraat", "Zuidstraat", "Westlaan", "Brugsesteenweg",
        "Meensesteenweg", "Hugo Verriestlaan", "Mandellaan", "Kattenstraat",
        "Zuidmolenstraat", "Groenestraat", "Hoogleedsesteenweg", "Iepersestraat",
        "Sint-Amandsstraat", "Kwadestraat", "Jan Mahieustraat", "Diksmuidsesteenweg",
        "Koning Leopold III-laan", "Sint-Alfonsusstraat", "Rumbeeksesteenweg")), 27),
    (Town("Rumbeke", "8800", 50.9290, 3.1590, "51", (
        "Ardooisesteenweg", "Oekensestraat", "Hoogstraat", "Sint-Petrusstraat",
        "Beukenhofstraat", "Meenseheirweg") + _GENERIC[:3]), 7),
    (Town("Beveren", "8800", 50.9560, 3.0790, "51", (
        "Beversesteenweg", "Vijfwegestraat", "Koestraat", "Rozenstraat") + _GENERIC[:2]), 4),
    (Town("Izegem", "8870", 50.9145, 3.2130, "51", (
        "Roeselarestraat", "Kortrijkstraat", "Meensestraat", "Gentsestraat",
        "Hondekensmolenstraat", "Krekelmotestraat", "Zuidkaai", "Prins Albertlaan",
        "Nieuwstraat", "Mentenhoekstraat")), 9),
    (Town("Hooglede", "8830", 50.9830, 3.0830, "51", (
        "Roeselaarsestraat", "Kasteelstraat", "Diksmuidestraat", "Beverenstraat")
        + _GENERIC[:3]), 4),
    (Town("Gits", "8830", 51.0000, 3.1080, "51", (
        "Bruggestraat", "Hoogledestraat", "Groenestraat") + _GENERIC[:2]), 2),
    (Town("Staden", "8840", 50.9745, 3.0150, "51", (
        "Roeselarestraat", "Diksmuidestraat", "Ieperstraat", "Marktplaats",
        "Vijfwegenstraat") + _GENERIC[:2]), 4),
    (Town("Moorslede", "8890", 50.8915, 3.0620, "51", (
        "Rozebekestraat", "Slypsstraat", "Roeselaarsestraat", "Dadizeelsestraat",
        "Passendalestraat") + _GENERIC[:2]), 4),
    (Town("Dadizele", "8890", 50.8490, 3.0970, "56", (
        "Moorseelsestraat", "Beselarestraat", "Meensestraat") + _GENERIC[:2]), 2),
    (Town("Ardooie", "8850", 50.9760, 3.2000, "51", (
        "Wezestraat", "Pittemsestraat", "Roeselaarsestraat", "Lichterveldestraat",
        "Hazelstraat") + _GENERIC[:3]), 4),
    (Town("Lichtervelde", "8810", 51.0330, 3.1410, "51", (
        "Statiestraat", "Torhoutstraat", "Zwevezelestraat", "Koolskampstraat",
        "Markt") + _GENERIC[:2]), 4),
    (Town("Ledegem", "8880", 50.8575, 3.1230, "56", (
        "Kortrijkstraat", "Roeselarestraat", "Ieperstraat", "Menenstraat",
        "Sint-Eloois-Winkelstraat") + _GENERIC[:2]), 3),
    (Town("Ingelmunster", "8770", 50.9205, 3.2550, "51", (
        "Bruggestraat", "Kortrijkstraat", "Oostrozebekestraat", "Meulebekestraat",
        "Izegemstraat") + _GENERIC[:3]), 4),
    (Town("Heule", "8501", 50.8385, 3.2375, "56", (
        "Heulsekasteelstraat", "Lagaestraat", "Gullegemsestraat", "Boonakkerstraat",
        "Peter Benoitlaan") + _GENERIC[:2]), 3),
    (Town("Bissegem", "8501", 50.8250, 3.2240, "56", (
        "Meensesteenweg", "Sint-Ursmarusstraat", "Kapellestraat") + _GENERIC[:2]), 2),
)
HOME_CLIENT_COUNT = sum(n for _, n in TOWNS)

HOSPITAL = CareSite(
    "az-delta-roeselare", "AZ Delta Roeselare", "hospital",
    Address("Deltalaan 1", "8800", "Roeselare"), Location(50.9446, 3.1046),
    organisation_key="az-delta",
)
NURSING_HOMES = (
    CareSite("wzc-de-vlasbloem", "Woonzorgcentrum De Vlasbloem", "nursing_home",
             Address("Rumbeeksesteenweg 214", "8800", "Roeselare"), Location(50.9387, 3.1352)),
    CareSite("wzc-ter-beke", "Woonzorgcentrum Ter Beke", "nursing_home",
             Address("Oekensestraat 45", "8800", "Rumbeke"), Location(50.9262, 3.1531)),
)
SITES = (HOSPITAL, *NURSING_HOMES)


def home_address(rng: random.Random, town: Town) -> tuple[Address, Location]:
    """A street and house number in `town`, at a point near its centre."""
    street = f"{rng.choice(town.streets)} {rng.randint(1, 180)}"
    if rng.random() < 0.08:  # a few flats: "12 bus 3" is how Belgian addresses say it
        street += f" bus {rng.randint(1, 12)}"
    # Uniform over a disc: sqrt keeps points from crowding the centre.
    r_km = JITTER_KM * math.sqrt(rng.random())
    angle = rng.uniform(0, 2 * math.pi)
    lat = town.lat + r_km * math.cos(angle) / KM_PER_DEG_LAT
    lon = town.lon + r_km * math.sin(angle) / (KM_PER_DEG_LAT * math.cos(math.radians(town.lat)))
    return Address(street, town.postal_code, town.city), Location(round(lat, 5), round(lon, 5))


def phone_number(rng: random.Random, area_code: str, mobile: bool) -> str:
    """Belgian format: "+32 51 24 56 78" (landline) or "+32 476 12 34 56" (mobile)."""
    pairs = " ".join(f"{rng.randint(20, 99)}" for _ in range(3))
    if mobile:
        return f"+32 4{rng.choice('789')}{rng.randint(0, 9)} {pairs}"
    return f"+32 {area_code} {pairs}"
