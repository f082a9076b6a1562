"""A recall's replacements at a ward: each resident whose trays drew on a recalled lot
gets the same dish again (another lot: the recalled one is never picked) on the crate of
the day their ward's stock is collected. The ward ordering adds these lines to that day's
crate (``meal_moment`` ``replacement``): before the cut-off they are on the crate, after
it a kitchen task says so, as for any change. Not invoiced to the facility: it paid for
the recalled trays."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import RecallPickup
from nutriplat.inventory.models import Location, Lot, Recall

REPLACEMENT = "replacement"  # the meal moment of a replacement tray on a ward's crate
Line = tuple[int, str, str, int, int]  # as ward_ordering's: client, served day, meal moment, variant, quantity


def replacements_due(session: Session, ward_ids: Collection[int], days: Collection[date]
                     ) -> dict[tuple[int, date], list[Line]]:
    """Per ward and delivery day, the replacement trays of the pick-ups still planned then."""
    due: dict[tuple[int, date], list[Line]] = defaultdict(list)
    for ward_id, day, client_id, variant_id, units in session.execute(
            select(Location.ward_id, RecallPickup.due_on, RecallPickup.client_id, Lot.variant_id, RecallPickup.units)
            .join(Location, Location.id == RecallPickup.location_id)
            .join(Recall, Recall.id == RecallPickup.recall_id).join(Lot, Lot.id == Recall.lot_id)
            .where(Location.ward_id.in_(ward_ids), RecallPickup.due_on.in_(days), RecallPickup.status == "planned")
            .order_by(RecallPickup.id)):
        if ward_id is not None:  # the join on the ward's location: always
            due[(ward_id, day)].append((client_id, day.isoformat(), REPLACEMENT, variant_id, units))
    return due
