"""A recall's report for the food-safety authority: what (the lot, product, supplier,
dates, reason, severity), where (each place and the units it held), when and how many,
per step; as JSON and as CSV."""
from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.inventory.models import Location, Lot, Recall
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.recalls import recall_view
from nutriplat.inventory.vocabulary import RECALL_OUTCOMES
from nutriplat.spreadsheets import csv_text


def recall_report(uow: UnitOfWork, actor: Actor, recall_id: int) -> dict[str, Any]:
    POLICY.check(actor, "recall_report")
    with uow:
        session = uow.session
        recall = load_owned(session, Recall, recall_id, actor, "recall")
        lot = session.get(Lot, recall.lot_id)
        assert lot is not None  # a foreign key
        view = recall_view(session, recall)
        kinds = dict(session.execute(select(Location.id, Location.kind).where(
            Location.id.in_([s.location_id for s in recall.steps]))).all())
        clients = {p.location_id: p.client_id for p in recall.locations}
        steps = [{"id": s.id, "location_id": s.location_id, "kind": kinds[s.location_id],
                  "client_id": clients.get(s.location_id), "outcome": s.outcome, "units": s.units, "note": s.note,
                  "stock_move_id": s.stock_move_id, "recorded_by": s.recorded_by, "recorded_at": s.recorded_at}
                 for s in recall.steps]
        totals = {"held": view["units_held"], "outstanding": view["units_outstanding"]}
        totals |= {outcome: sum(s.units for s in recall.steps if s.outcome == outcome) for outcome in RECALL_OUTCOMES}
        audit.record(session, actor, "export", "recall_report", recall.id, organisation_id=recall.organisation_id)
        uow.commit()
        return {"recall": view, "steps": steps, "totals": totals, "lot": {
            "id": lot.id, "variant_id": lot.variant_id, "dish_id": lot.dish_id, "texture": lot.texture,
            "name": view["name"], "supplier_id": lot.supplier_id, "supplier_lot_code": lot.supplier_lot_code,
            "production_date": lot.production_date.isoformat(), "expiry_date": lot.expiry_date.isoformat()}}


def to_csv(report: dict[str, Any]) -> str:
    """One row per place (what it held), then one per step (what became of the units)."""
    recall, lot = report["recall"], report["lot"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["recall", "lot", "product", "supplier_lot_code", "severity", "reason", "status",
                     "opened_at", "closed_at"])
    writer.writerow([csv_text(value) for value in (
        recall["id"], lot["id"], lot["name"], lot["supplier_lot_code"], recall["severity"], recall["reason"],
        recall["status"], recall["opened_at"].isoformat(),
        recall["closed_at"].isoformat() if recall["closed_at"] else "")])
    writer.writerow([])
    writer.writerow(["step", "at", "location_id", "kind", "name", "client_id", "outcome", "units", "note"])
    for place in recall["locations"]:
        writer.writerow([csv_text(value) for value in (
            "held", recall["opened_at"].isoformat(), place["location_id"], place["kind"], place["name"],
            place["client_id"] or "", "", place["units_held"], "")])
    names = {p["location_id"]: p["name"] for p in recall["locations"]}
    for step in report["steps"]:
        writer.writerow([csv_text(value) for value in (
            step["id"], step["recorded_at"].isoformat(), step["location_id"], step["kind"],
            names.get(step["location_id"], ""), step["client_id"] or "", step["outcome"], step["units"],
            step["note"] or "")])
    return out.getvalue()
