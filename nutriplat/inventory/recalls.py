"""Recalling a lot: blocked at once everywhere (``lots.recalled_at``: never picked,
consumed, moved or planned from again), the places holding it listed with their units and
clients — homes, wards' stock, vans and warehouses — and each place's units accounted for
until the recall closes.

Lots record no lot they were made from, so a recall covers the recalled lot itself."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clock import business_today
from nutriplat.conflicts import conflicts
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound
from nutriplat.events import LotRecalled
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot, Recall, RecallLocation, RecallStep
from nutriplat.inventory.policy import POLICY


def recall_lot(uow: UnitOfWork, actor: Actor, lot_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Block the lot and freeze where it is: 409 when it is recalled already."""
    POLICY.check(actor, "recall_lot")
    with uow:
        session = uow.session
        lot = load_owned(session, Lot, lot_id, actor, "lot")
        # Two recalls of one lot: one at a time. NO KEY UPDATE: a stock move being written
        # (its foreign key share-locks the lot) is not blocked, so it never deadlocks with us.
        session.refresh(lot, with_for_update={"key_share": True})
        if lot.recalled_at is not None:
            raise Conflict(f"Lot {lot.id} is already recalled.")
        # Lock the lot's balances: a pick that locks them after us sees the block
        # (``picking.take`` reads it again under its locks); one before us is counted.
        ledger = Ledger(session, actor.user_id)
        ledger.lock_lot(lot.id)
        now = utcnow()
        lot.recalled_at = now
        recall = Recall(organisation_id=lot.organisation_id, lot_id=lot.id, reason=data["reason"].strip(),
                        severity=data["severity"], status="open", opened_by=actor.user_id, opened_at=now)
        homes = dict(session.execute(select(Location.id, Location.client_id).where(
            Location.id.in_([loc for loc, _lot in ledger.rows]))).all())
        for (location_id, _lot), units in sorted(ledger.rows.items()):
            if units > 0:
                recall.locations.append(RecallLocation(location_id=location_id, client_id=homes.get(location_id),
                                                       units_held=units, units_accounted=0))
        if not recall.locations:
            recall.status, recall.closed_at = "closed", now  # nothing held anywhere: nothing to account for
        session.add(recall)
        with conflicts(f"Lot {lot.id} is already recalled."):
            session.flush()
        view = recall_view(session, recall)
        audit.record(session, actor, "create", "recall", recall.id,
                     detail={"lot_id": lot.id, "severity": recall.severity, "units": view["units_held"]},
                     organisation_id=recall.organisation_id)
        _record_clients(session, actor, recall)
        wards: dict[int, int] = {location_id: ward_id for location_id, ward_id in session.execute(
            select(Location.id, Location.ward_id).where(Location.id.in_([p.location_id for p in recall.locations])))
            if ward_id is not None}
        uow.record(LotRecalled(recall.id, recall.organisation_id, lot.id, lot.variant_id, tuple(
            (p.location_id, p.client_id, p.units_held) for p in recall.locations if p.client_id is not None), actor,
            tuple((p.location_id, wards[p.location_id], p.units_held) for p in recall.locations
                  if p.location_id in wards)))
        uow.commit(conflict=f"Lot {lot.id} is already recalled.")
        return view


def get_recall(uow: UnitOfWork, actor: Actor, recall_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_recall")
    with uow:
        recall = load_owned(uow.session, Recall, recall_id, actor, "recall")
        view = recall_view(uow.session, recall)
        audit.record(uow.session, actor, "read", "recall", recall.id, organisation_id=recall.organisation_id)
        _record_clients(uow.session, actor, recall)
        uow.commit()
        return view


def account(uow: UnitOfWork, actor: Actor, recall_id: int, location_id: int, data: dict[str, Any]
            ) -> dict[str, Any]:
    """Units of one place accounted for: taken off its stock with a ``recall`` move; the
    recall closes when no place has units outstanding."""
    POLICY.check(actor, "account_recall")
    with uow:
        session = uow.session
        recall = load_owned(session, Recall, recall_id, actor, "recall")
        # One account of a recall at a time: what is outstanding is read under the lock.
        session.refresh(recall, with_for_update=True)
        place = next((p for p in recall.locations if p.location_id == location_id), None)
        if place is None:
            raise NotFound(f"Recall {recall.id} lists no location {location_id}.")
        errors = ErrorCollector()
        if data["units"] > place.outstanding:
            errors.add("units", f"Location {location_id} has {place.outstanding} units of the recall "
                                "not accounted for.")
        errors.raise_if_any()
        note = (data.get("note") or "").strip() or None
        move = Move("recall", recall.lot_id, data["units"], location_id, None, business_today(),
                    client_id=place.client_id, reason=f"recall {recall.id}: {data['outcome']}"[:500])
        written = Ledger(session, actor.user_id).post([move], recall.organisation_id)
        place.units_accounted += data["units"]
        recall.steps.append(RecallStep(location_id=location_id, outcome=data["outcome"], units=data["units"],
                                       note=note, stock_move_id=written[0].id, recorded_by=actor.user_id,
                                       recorded_at=utcnow()))
        if all(p.outstanding == 0 for p in recall.locations):
            recall.status, recall.closed_at = "closed", utcnow()
        session.flush()
        audit.record(session, actor, "update", "recall", recall.id, place.client_id,
                     detail={"location_id": location_id, "outcome": data["outcome"], "units": data["units"]},
                     organisation_id=recall.organisation_id)
        view = recall_view(session, recall)
        uow.commit(stale=f"Recall {recall.id} was changed at the same moment; reload it and retry.")
        return view


def recall_view(session: Session, recall: Recall) -> dict[str, Any]:
    lot = session.get(Lot, recall.lot_id)
    assert lot is not None  # a foreign key
    places = {loc.id: loc for loc in session.scalars(
        select(Location).where(Location.id.in_([p.location_id for p in recall.locations])))}
    locations = [{"location_id": p.location_id, "kind": places[p.location_id].kind,
                  "name": places[p.location_id].name, "client_id": p.client_id,
                  "ward_id": places[p.location_id].ward_id, "units_held": p.units_held,
                  "units_accounted": p.units_accounted, "units_outstanding": p.outstanding}
                 for p in recall.locations]
    return {"id": recall.id, "lot_id": lot.id, "lot_ids": [lot.id],
            "name": session.scalar(select(DishVariant.name).where(DishVariant.id == lot.variant_id)),
            "supplier_lot_code": lot.supplier_lot_code, "reason": recall.reason, "severity": recall.severity,
            "status": recall.status, "opened_at": recall.opened_at, "opened_by": recall.opened_by,
            "closed_at": recall.closed_at, "units_held": sum(p.units_held for p in recall.locations),
            "units_outstanding": sum(p.outstanding for p in recall.locations), "locations": locations,
            "affected_clients": sorted({p.client_id for p in recall.locations if p.client_id is not None})}


def _record_clients(session: Session, actor: Actor, recall: Recall) -> None:
    """Listing the homes that hold the lot reads each of those clients."""
    audit.record_reads(session, actor, "recall_location",
                       {(p.client_id, recall.organisation_id) for p in recall.locations if p.client_id is not None})
