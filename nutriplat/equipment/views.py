"""The equipment area's rows as the API shows them."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.equipment.models import Asset, AssetPlacement, AssetTask, RepairJob


def open_placement(session: Session, asset_id: int) -> AssetPlacement | None:
    return session.scalar(select(AssetPlacement).where(AssetPlacement.asset_id == asset_id,
                                                       AssetPlacement.collected_on.is_(None)))


def asset_view(session: Session, asset: Asset) -> dict[str, Any]:
    """The asset, where it stands now, and its placements, open task and open repair job."""
    placements = list(session.scalars(select(AssetPlacement).where(AssetPlacement.asset_id == asset.id)
                                      .order_by(AssetPlacement.installed_on, AssetPlacement.id)))
    task = session.scalar(select(AssetTask).where(AssetTask.asset_id == asset.id, AssetTask.status == "planned"))
    repair = session.scalar(select(RepairJob).where(RepairJob.asset_id == asset.id, RepairJob.status == "open"))
    current = next((p for p in placements if p.collected_on is None), None)
    return {"id": asset.id, "kind": asset.kind, "serial_number": asset.serial_number, "model": asset.model,
            "capacity": asset.capacity, "purchase_date": asset.purchase_date, "tariff_code": asset.tariff_code,
            "warehouse_id": asset.warehouse_id, "state": asset.state, "note": asset.note, "version": asset.version,
            "client_id": current.client_id if current else None,
            "location_id": current.location_id if current else None,
            "placements": [placement_view(p) for p in placements],
            "open_task": task_view(task) if task else None,
            "open_repair": repair_view(repair) if repair else None}


def placement_view(placement: AssetPlacement) -> dict[str, Any]:
    return {"client_id": placement.client_id, "location_id": placement.location_id,
            "installed_on": placement.installed_on, "collected_on": placement.collected_on}


def task_view(task: AssetTask) -> dict[str, Any]:
    return {"id": task.id, "asset_id": task.asset_id, "client_id": task.client_id, "kind": task.kind,
            "due_on": task.due_on, "warehouse_id": task.warehouse_id, "location_id": task.location_id,
            "status": task.status, "note": task.note, "done_at": task.done_at}


def repair_view(job: RepairJob) -> dict[str, Any]:
    return {"id": job.id, "asset_id": job.asset_id, "client_id": job.client_id, "location_id": job.location_id,
            "reported_by": job.reported_by, "reported_on": job.reported_on, "description": job.description,
            "replacement_asset_id": job.replacement_asset_id, "stock_at_risk": job.stock_at_risk,
            "units_at_risk": job.units_at_risk, "status": job.status, "outcome": job.outcome,
            "outcome_note": job.outcome_note, "opened_at": job.opened_at, "closed_at": job.closed_at}
