"""What a stop carries besides its orders, for the driver's manifest: the equipment to
install or collect (serial number and kind) and a recall's collect lines (units and dish)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.models import PlannedStop, RecallPickup
from nutriplat.equipment.models import Asset, AssetTask
from nutriplat.inventory.models import Lot, Recall


def stop_work(session: Session, stops: Iterable[PlannedStop]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """Per stop id: ``equipment`` (task id, kind, asset kind, serial number, model) and
    ``collect`` (pick-up id, recall id, units, dish, the supplier's lot code, status)."""
    stops = list(stops)
    tasks = {t.id: (t, a) for t, a in session.execute(
        select(AssetTask, Asset).join(Asset, Asset.id == AssetTask.asset_id)
        .where(AssetTask.id.in_([i for s in stops for i in s.task_ids])))}
    pickups = {p.id: (p, name, lot) for p, name, lot in session.execute(
        select(RecallPickup, DishVariant.name, Lot.supplier_lot_code).join(Recall, Recall.id == RecallPickup.recall_id)
        .join(Lot, Lot.id == Recall.lot_id).join(DishVariant, DishVariant.id == Lot.variant_id)
        .where(RecallPickup.id.in_([i for s in stops for i in s.pickup_ids])))}
    return {s.id: {
        "equipment": [{"task_id": t.id, "kind": t.kind, "asset_kind": a.kind, "serial_number": a.serial_number,
                       "model": a.model} for t, a in (tasks[i] for i in s.task_ids if i in tasks)],
        "collect": [{"pickup_id": p.id, "recall_id": p.recall_id, "units": p.units, "dish": name, "lot": lot,
                     "status": p.status}
                    for p, name, lot in (pickups[i] for i in s.pickup_ids if i in pickups)]} for s in stops}
