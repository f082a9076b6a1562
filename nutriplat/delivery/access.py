"""Finding the area's rows by id within the caller's organisation: ``nutriplat.access``
(``load_owned``) for the area's own tables; here, a warehouse (an inventory location of
the warehouse kind) as the delivery area names it."""
from __future__ import annotations

from sqlalchemy.orm import Session

from nutriplat.access import owned
from nutriplat.auth.actor import Actor
from nutriplat.errors import NotFound
from nutriplat.inventory.models import Location


def warehouse_or_404(session: Session, actor: Actor, warehouse_id: int) -> Location:
    location = owned(session, Location, warehouse_id, actor)
    if location is None or location.kind != "warehouse":
        raise NotFound(f"No warehouse {warehouse_id}.")
    return location
