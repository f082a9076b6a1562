"""Equipment's handler of the clients area's transfers (``nutriplat.events``): a client who
moves into a nursing home for good no longer needs the rented freezer or regeneration
oven at home (issue 16 item 7), whatever setting they move from: from home, or from a
hospital stay during which the equipment stayed installed at home. Each asset still
installed there gets a collection on the day after the move (a stop of that day's route
from the asset's warehouse); once the driver confirms it, the placement closes and
billing's rental stops on that day (``EquipmentMoved``), as for any collection. A
hospital stay is temporary: the equipment stays. In the transfer's transaction; an asset
with a planned task already (a collection or a broken one's fetch) is left alone, so the
same transfer handed over again plans nothing twice."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.clock import business_today
from nutriplat.equipment.models import Asset, AssetPlacement, AssetTask
from nutriplat.equipment.tasks import RESOURCE

ENDS_HOME_RENTAL = ("nursing_home",)  # a move for good; a hospital stay comes home again


@events.handles(events.ClientTransferred, events.IN_TRANSACTION)
def collect_on_moving_out(uow: Any, event: events.ClientTransferred) -> None:
    if event.to_setting not in ENDS_HOME_RENTAL:
        return
    session, actor = uow.session, event.actor or SYSTEM
    due_on = max(event.transferred_on, business_today()) + timedelta(days=1)
    busy = select(AssetTask.asset_id).where(AssetTask.status == "planned")
    for placement, asset in session.execute(
            select(AssetPlacement, Asset).join(Asset, Asset.id == AssetPlacement.asset_id).where(
                AssetPlacement.client_id == event.client_id, AssetPlacement.collected_on.is_(None),
                AssetPlacement.asset_id.not_in(busy)).order_by(AssetPlacement.asset_id)):
        task = AssetTask(organisation_id=asset.organisation_id, asset_id=asset.id, client_id=event.client_id,
                         kind="collect", due_on=due_on, warehouse_id=asset.warehouse_id,
                         location_id=placement.location_id, created_by=actor.user_id,
                         note=f"The client moved to a nursing home on {event.transferred_on.isoformat()}.")
        session.add(task)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, task.id, task.client_id,
                     detail={"kind": task.kind, "asset_id": asset.id, "reason": "moved to a nursing home",
                             "from_setting": event.from_setting},
                     organisation_id=task.organisation_id)
