"""Town centres of West Flanders (WGS84, the market square or town hall) with the share of
the region's clients living there, and the five depots. Clients are scattered around a
centre by the demo's ``home_address`` (a disc of ``JITTER_KM``), so no real household is
pinned and every stop lies on land near a town."""
from __future__ import annotations

import math

from tools.demo.population.places import TOWNS as PILOT_TOWNS
from tools.demo.population.places import Town

_STREETS = ("Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Nieuwstraat", "Markt",
            "Zuidstraat", "Noordstraat", "Oostlaan", "Westlaan", "Kapellestraat", "Dorpsstraat")


def _town(city: str, postal_code: str, lat: float, lon: float, area_code: str) -> Town:
    return Town(city, postal_code, lat, lon, area_code, _STREETS)


# (town, weight): roughly the towns' populations over 65, in thousands.
REGION_TOWNS: tuple[tuple[Town, float], ...] = (
    (_town("Brugge", "8000", 51.2089, 3.2242, "50"), 27.0),
    (_town("Oostende", "8400", 51.2300, 2.9126, "59"), 18.0),
    (_town("Kortrijk", "8500", 50.8280, 3.2649, "56"), 17.0),
    (_town("Ieper", "8900", 50.8512, 2.8857, "57"), 8.5),
    (_town("Tielt", "8700", 50.9990, 3.3266, "51"), 4.5),
    (_town("Waregem", "8790", 50.8889, 3.4270, "56"), 8.0),
    (_town("Menen", "8930", 50.7960, 3.1214, "56"), 7.0),
    (_town("Wevelgem", "8560", 50.8106, 3.1829, "56"), 7.0),
    (_town("Harelbeke", "8530", 50.8546, 3.3086, "56"), 6.0),
    (_town("Torhout", "8820", 51.0646, 3.1010, "50"), 5.0),
    (_town("Diksmuide", "8600", 51.0329, 2.8636, "51"), 4.0),
    (_town("Poperinge", "8970", 50.8553, 2.7265, "57"), 4.5),
    (_town("Knokke-Heist", "8300", 51.3443, 3.2860, "50"), 9.0),
    (_town("Blankenberge", "8370", 51.3130, 3.1323, "50"), 6.0),
    (_town("Koksijde", "8670", 51.1153, 2.6386, "58"), 8.0),
    (_town("Nieuwpoort", "8620", 51.1303, 2.7510, "58"), 4.0),
    (_town("Oostkamp", "8020", 51.1545, 3.2340, "50"), 5.0),
    (_town("Zedelgem", "8210", 51.1433, 3.1374, "50"), 5.0),
    (_town("Wervik", "8940", 50.7806, 3.0396, "56"), 4.0),
    (_town("Veurne", "8630", 51.0722, 2.6626, "58"), 3.0),
) + tuple((town, 2.0 + n / 4) for town, n in PILOT_TOWNS)  # the pilot's towns around Roeselare

# The five depots: (town, lat, lon) on an industrial estate at the edge of town.
DEPOTS = (("Brugge", 51.2260, 3.2050), ("Oostende", 51.2060, 2.9320), ("Roeselare", 50.9560, 3.1050),
          ("Kortrijk", 50.8430, 3.2900), ("Ieper", 50.8620, 2.9050))


def nearest_depot(lat: float, lon: float) -> int:
    """The index in ``DEPOTS`` of the depot closest to a point (equirectangular distance)."""
    scale = math.cos(math.radians(lat))
    return min(range(len(DEPOTS)),
               key=lambda d: (DEPOTS[d][1] - lat) ** 2 + ((DEPOTS[d][2] - lon) * scale) ** 2)
