"""The replenishment proposals still waiting for a buyer, and what a night does to their
lines: a line the night made follows tonight's need; a quantity a buyer set by hand is
kept, and the night's differing need is recorded beside it (audited) for the buyer to see."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.inventory.domain.replenishment import WaitingLine, refresh_waiting
from nutriplat.inventory.models import PurchaseOrder, PurchaseOrderLine
from nutriplat.inventory.reorder.report import ReorderReport

RESOURCE = "purchase_order_line"


def waiting_lines(session: Session, warehouses: set[int]) -> dict[tuple[int, int, int], PurchaseOrderLine]:
    """The lines of the replenishment proposals nobody approved yet, by (supplier,
    warehouse, variant); the oldest proposal's line when two hold the variant."""
    rows = session.execute(select(PurchaseOrder.supplier_id, PurchaseOrder.warehouse_id, PurchaseOrderLine)
                           .join(PurchaseOrderLine, PurchaseOrderLine.purchase_order_id == PurchaseOrder.id)
                           .where(PurchaseOrder.warehouse_id.in_(warehouses), PurchaseOrder.status == "proposed",
                                  PurchaseOrder.origin == "replenishment")
                           .order_by(PurchaseOrder.id.desc()))
    return {(supplier, warehouse, line.variant_id): line for supplier, warehouse, line in rows}


def refresh(session: Session, actor: Actor, line: PurchaseOrderLine, need: int, run_date: date,
            report: ReorderReport) -> None:
    """Bring a waiting ``line`` up to tonight's ``need`` (0: stock is above the minimum
    now); nothing is written when the line already says so (a second run the same night)."""
    after = refresh_waiting(WaitingLine(line.quantity_ordered, line.edited_by_hand, line.suggested_quantity), need)
    if not line.edited_by_hand:
        # Nothing needed tonight leaves the night's own line as it is: dropping it is the buyer's call.
        if need and line.quantity_ordered != after.quantity:
            line.quantity_ordered = after.quantity
            report.count("purchase_order_lines_refreshed")
        return
    if line.suggested_quantity == after.suggested:
        return
    line.suggested_quantity, line.suggested_on = after.suggested, run_date if after.suggested is not None else None
    report.count("purchase_order_lines_kept_by_hand")
    audit.record(session, actor, "suggest", RESOURCE, line.id, detail={
        "purchase_order_id": line.purchase_order_id, "quantity_ordered": line.quantity_ordered,
        "suggested_quantity": after.suggested, "night": run_date.isoformat()})
