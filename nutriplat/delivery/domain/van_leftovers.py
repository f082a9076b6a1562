"""What becomes of the units a van still holds when its route ends, as plain values.

The rule: what the van still holds goes back to the depot — units refused at the door,
anything loaded and not handed over — except what still rides the van for an order of its
own (picked onto it and not yet delivered). A unit that may no longer be sold does not go
back to stock: past its expiry date it is written off as expired; chilled or frozen food of
a class the route handed over too warm (a reading at the door above the cold-chain limit)
is thrown away, with that reason — the van's compartment did not keep it cold."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from nutriplat.delivery.domain.proof import CHILLED_MAX_C, FROZEN_MAX_C

LIMITS_C = {"chilled": CHILLED_MAX_C, "frozen": FROZEN_MAX_C}


@dataclass(frozen=True)
class Held:
    """Units of one lot on the van."""

    lot_id: int
    units: int
    storage_class: str
    expiry_date: date


@dataclass(frozen=True)
class Fate:
    kind: str  # a stock move kind: return (to the depot), waste or expiry (off the books)
    lot_id: int
    units: int
    reason: str


def fates(held: Iterable[Held], riding: Mapping[int, int], too_warm: Collection[str], day: date,
          route: str) -> list[Fate]:
    """Where each lot's leftover units go on ``day``; ``riding``: units per lot still on
    the van for a picked order; ``too_warm``: the storage classes the route (named
    ``route`` in the reasons) handed over above their limit."""
    found = []
    for lot in held:
        units = lot.units - riding.get(lot.lot_id, 0)
        if units <= 0:
            continue
        if lot.expiry_date < day:
            found.append(Fate("expiry", lot.lot_id, units,
                              f"left on the van after {route}, past its expiry date {lot.expiry_date.isoformat()}"))
        elif lot.storage_class in too_warm:
            found.append(Fate("waste", lot.lot_id, units,
                              f"cold chain broken on {route}: {lot.storage_class} food handed over above "
                              f"{LIMITS_C[lot.storage_class]:g} °C"))
        else:
            found.append(Fate("return", lot.lot_id, units, f"left on the van after {route}"))
    return found
