"""What a client's delivery takes on a van: litres per storage class and kilograms.

Dish variants carry their volume per unit (``volume_l``) but no weight: ready meals in
trays weigh close to water, so a litre counts as one kilogram (packaging included is
within the rounding of the vans' payload)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KG_PER_LITRE = 1.0


@dataclass(frozen=True)
class Demand:
    frozen_l: float = 0.0
    chilled_l: float = 0.0
    ambient_l: float = 0.0

    @property
    def litres(self) -> float:
        return round(self.frozen_l + self.chilled_l + self.ambient_l, 6)

    @property
    def kg(self) -> float:
        return round(self.litres * KG_PER_LITRE, 6)

    @property
    def storage_class(self) -> str:
        """The coldest class on board: how the whole delivery is handled."""
        return "frozen" if self.frozen_l else "chilled" if self.chilled_l else "ambient"


def demand_of(lines: Iterable[tuple[str, float, int]]) -> Demand:
    """Lines as (storage class, litres per unit, quantity)."""
    litres = {"frozen": 0.0, "chilled": 0.0, "ambient": 0.0}
    for storage_class, volume_l, quantity in lines:
        litres[storage_class if storage_class in litres else "ambient"] += volume_l * quantity
    return Demand(*(round(litres[k], 6) for k in ("frozen", "chilled", "ambient")))
