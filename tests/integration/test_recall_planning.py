"""A recalled lot in the nightly job (issue 20, item 2): its units stay frozen where they
are (never eaten, written off or moved by the night), home reordering does not count the
recalled units a client holds, and replenishment does not count them in the warehouse."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from nutriplat.auth.actor import SYSTEM
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot, PurchaseOrderLine, StockBalance, StockMove
from nutriplat.inventory.products import product_catalogue
from nutriplat.inventory.recalls import recall_lot
from nutriplat.inventory.reorder.snapshot import load
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from tests.integration import test_inventory_job as job

pilot, MONDAY = job.pilot, job.MONDAY  # the fixture: twelve clients at home, a stocked warehouse


def seen_at_home(session, client_id, product):
    """The lots of ``product`` home reordering counts at the client's home."""
    state = load(session, [client_id], MONDAY, MONDAY + timedelta(days=21), product_catalogue(session))[client_id]
    return state.held.get(product, [])


def test_the_night_neither_moves_nor_counts_a_recalled_lot(pilot):
    factory = pilot["factory"]
    with UnitOfWork(factory) as uow:
        s = uow.session
        warehouse = s.scalar(select(Location).where(Location.kind == "warehouse"))
        # A lot the first planned meal of the week eats, and the home of that client.
        client_id, dish_id, texture, storage = s.execute(
            select(MealPlan.client_id, DishVariant.dish_id, DishVariant.texture, DishVariant.storage_class)
            .join(MealPlanDay, MealPlanDay.plan_id == MealPlan.id)
            .join(MealPlanItem, MealPlanItem.day_id == MealPlanDay.id)
            .join(DishVariant, DishVariant.id == MealPlanItem.variant_id)
            .where(MealPlanDay.date == MONDAY).order_by(MealPlanItem.id).limit(1)).one()
        lot = s.scalar(select(Lot).where(Lot.dish_id == dish_id, Lot.texture == texture))
        home = s.scalar(select(Location).where(Location.client_id == client_id, Location.storage_class == storage))
        Ledger(s, None).post([Move("delivery", lot.id, 4, warehouse.id, home.id, MONDAY - timedelta(days=4),
                                   client_id=home.client_id)], lot.organisation_id, returning=False)
        lot_id, home_id, warehouse_id, product = lot.id, home.id, warehouse.id, (lot.dish_id, lot.texture)
        uow.commit()
    with UnitOfWork(factory) as uow:
        assert sum(h.quantity for h in seen_at_home(uow.session, client_id, product)) == 4
    recalled = recall_lot(UnitOfWork(factory), SYSTEM, lot_id, {"reason": "foreign body", "severity": "medium"})
    assert {p["location_id"]: p["units_held"] for p in recalled["locations"]} == {warehouse_id: 56, home_id: 4}
    with UnitOfWork(factory) as uow:  # home reordering plans as if the recalled units were not there
        assert seen_at_home(uow.session, client_id, product) == []
    for day in (MONDAY + timedelta(days=n) for n in range(-1, 4)):
        assert pilot["run"]("jobs", "run", "reorder", "--date", day.isoformat()).exit_code == 0
    with UnitOfWork(factory) as uow:
        s = uow.session
        held = dict(s.execute(select(StockBalance.location_id, StockBalance.quantity)
                              .where(StockBalance.lot_id == lot_id)).all())
        assert held[warehouse_id] == 56 and held[home_id] == 4
        kinds = set(s.scalars(select(StockMove.kind).where(StockMove.lot_id == lot_id)))
        assert kinds == {"receipt", "delivery"}
        ordered = s.scalar(select(func.sum(PurchaseOrderLine.quantity_ordered)).where(
            PurchaseOrderLine.dish_id == product[0], PurchaseOrderLine.texture == product[1]))
        assert ordered is not None and ordered >= 108  # up to the maximum (120) from nothing usable on hand
