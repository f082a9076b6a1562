"""Breakdowns and repair jobs. A breakdown reported by the client, the driver or staff
opens a repair job and puts the asset in repair; an installed asset stops standing (and
being billed) at the home that day. A freezer's stock moves to the replacement given
(installed in the same appliance location from that day, so the stock stays put and the
rental runs on), or, without one, is marked at risk with the units it holds. Closing the
job brings the asset back in stock (repaired) or retires it."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned, owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.equipment.models import Asset, RepairJob
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.tasks import ONE_PLACE, fetch_broken, place
from nutriplat.equipment.views import open_placement, repair_view
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.events import EquipmentMoved
from nutriplat.inventory.access import scoped
from nutriplat.inventory.models import StockBalance

RESOURCE = "repair_job"
ONE_JOB = "The asset has an open repair job already."


def list_repairs(uow: UnitOfWork, actor: Actor, filters: dict[str, Any]) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_repairs")
    with uow:
        stmt = scoped(select(RepairJob), RepairJob.organisation_id, actor)
        for key in ("status", "asset_id"):
            if key in filters:
                stmt = stmt.where(getattr(RepairJob, key) == filters[key])
        jobs = list(uow.session.scalars(stmt.order_by(RepairJob.opened_at.desc(), RepairJob.id.desc())))
        audit.record_reads(uow.session, actor, RESOURCE,
                           {(j.client_id, j.organisation_id) for j in jobs if j.client_id is not None})
        uow.commit()
        return [repair_view(j) for j in jobs]


def report_breakdown(uow: UnitOfWork, actor: Actor, asset_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "report_breakdown")
    with uow:
        return open_repair(uow, actor, load_owned(uow.session, Asset, asset_id, actor, "asset"), data)


def open_repair(uow: UnitOfWork, actor: Actor, asset: Asset, data: dict[str, Any]) -> dict[str, Any]:
    """The repair job of a breakdown of ``asset`` (already found visible to ``actor``);
    inside the caller's unit of work, which it commits."""
    session, errors, day = uow.session, ErrorCollector(), business_today()
    placement = open_placement(session, asset.id)
    replacement = _replacement(session, actor, asset, data.get("replacement_asset_id"), placement is not None,
                               errors)
    errors.raise_if_any()
    if asset.state not in ("installed", "in_stock"):
        raise Conflict(f"Asset {asset.id} is {asset.state} already.", {"state": [asset.state]})
    job = RepairJob(organisation_id=asset.organisation_id, asset_id=asset.id, reported_by=data["reported_by"],
                    reported_on=day, description=data["description"], opened_by=actor.user_id,
                    replacement_asset_id=replacement.id if replacement else None)
    asset.state = "in_repair"
    if placement is not None:
        job.client_id, job.location_id = placement.client_id, placement.location_id
        placement.collected_on = day
        flush_or_conflict(session, ONE_PLACE)
        uow.record(EquipmentMoved(placement.client_id, asset.tariff_code, day, actor))
        if replacement is not None:
            place(session, actor, replacement, placement.client_id, placement.location_id, day)
            uow.record(EquipmentMoved(placement.client_id, replacement.tariff_code, day, actor))
        else:
            fetch_broken(session, actor, asset, placement.client_id, placement.location_id, day)
            if placement.location_id is not None:
                job.stock_at_risk = True
                job.units_at_risk = session.scalar(select(func.coalesce(func.sum(StockBalance.quantity), 0))
                                                   .where(StockBalance.location_id == placement.location_id)) or 0
    session.add(job)
    flush_or_conflict(session, ONE_JOB, {"asset_id": ["In repair already."]})
    audit.record(session, actor, "create", RESOURCE, job.id, job.client_id,
                 detail={"asset_id": asset.id, "reported_by": job.reported_by,
                         "replacement_asset_id": job.replacement_asset_id},
                 organisation_id=asset.organisation_id)
    uow.commit(ONE_JOB, {"asset_id": ["In repair already."]})
    return repair_view(job)


def close_repair(uow: UnitOfWork, actor: Actor, job_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """``repaired``: the asset is back in stock; ``retired``: out of service for good."""
    POLICY.check(actor, "close_repair")
    with uow:
        job = load_owned(uow.session, RepairJob, job_id, actor, "repair job")
        if job.status != "open":
            raise Conflict(f"Repair job {job.id} is closed already ({job.outcome}).", {"status": [job.status]})
        asset = uow.session.get_one(Asset, job.asset_id)
        asset.state = "in_stock" if data["outcome"] == "repaired" else "retired"
        job.status, job.outcome, job.outcome_note, job.closed_at = "closed", data["outcome"], data.get("note"), utcnow()
        audit.record(uow.session, actor, "update", RESOURCE, job.id, job.client_id,
                     detail={"outcome": job.outcome}, organisation_id=job.organisation_id)
        uow.commit()
        return repair_view(job)


def _replacement(session: Session, actor: Actor, asset: Asset, replacement_id: int | None, installed: bool,
                 errors: ErrorCollector) -> Asset | None:
    if replacement_id is None:
        return None
    replacement = owned(session, Asset, replacement_id, actor)
    if replacement is None:
        errors.add("replacement_asset_id", f"No asset {replacement_id}.")
    elif not installed:
        errors.add("replacement_asset_id", f"Asset {asset.id} is not installed; there is nothing to replace.")
    elif replacement.id == asset.id or replacement.kind != asset.kind or replacement.state != "in_stock":
        errors.add("replacement_asset_id", f"The replacement must be another {asset.kind} in stock.")
    else:
        return replacement
    return None
