"""The central kitchen records a production batch as made (issue 16 item 6): units of a
dish variant on a production day become a lot — the kitchen's own, its code naming the
day — with its use-by from the dish's shelf life, received into a warehouse. The
production plan then counts the units as produced and on hand. Everything is validated
before anything is written; the lot is traceable to every home and ward it reaches."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clock import business_today
from nutriplat.conflicts import conflicts
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.production import use_by
from nutriplat.delivery.models import ProductionBatch
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import check_location, check_variant, provider_of
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.lots import new_lot

RESOURCE = "production_batch"


def record_batch(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "record_production_batch")
    organisation_id = provider_of(actor)
    with uow:
        session, errors = uow.session, ErrorCollector()
        variant = _producible(session, data, errors)
        warehouse = check_location(session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        day: date = data["production_date"]
        if day > business_today():
            errors.add("production_date", "Must not be in the future: record a batch once it is made.")
        expiry = use_by(day, variant.shelf_life_days) if variant and variant.shelf_life_days else None
        if expiry is not None and expiry < business_today():
            errors.add("production_date", f"A batch made on {day} was to be eaten by {expiry}: it has expired.")
        errors.raise_if_any()
        assert variant is not None and warehouse is not None and expiry is not None
        lot = new_lot(session, actor, organisation_id, {
            "variant_id": variant.id, "supplier_lot_code": _code(session, organisation_id, variant.id, day),
            "production_date": day, "expiry_date": expiry}, errors, raise_errors=True)
        batch = ProductionBatch(organisation_id=organisation_id, variant_id=variant.id, lot_id=lot.id,
                                warehouse_id=warehouse.id, units=data["units"], production_date=day,
                                recorded_by=actor.user_id)
        session.add(batch)
        with conflicts("Another batch of this dish was recorded at the same moment; retry."), \
                session.begin_nested():
            session.flush()
        Ledger(session, actor.user_id).post([Move("receipt", lot.id, data["units"], None, warehouse.id, day,
                                                  reason=f"production batch of {day.isoformat()}")], organisation_id)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, batch.id, organisation_id=organisation_id,
                     detail={"lot_id": lot.id, "variant_id": variant.id, "units": batch.units,
                             "production_date": day.isoformat()})
        view = batch_view(batch, variant, lot.supplier_lot_code, expiry)
        uow.commit()
    return view


def _producible(session: Session, data: dict[str, Any], errors: ErrorCollector) -> DishVariant | None:
    variant = check_variant(session, data["variant_id"], errors)
    if variant is None:
        return None
    if not variant.is_current:
        errors.add("variant_id", f"Dish variant {variant.id} is retired from the catalogue.")
    elif not variant.shelf_life_days:
        errors.add("variant_id", f"Dish variant {variant.id} has no shelf life: set it in the catalogue first, "
                                 "the lot's use-by follows from it.")
    else:
        return variant
    return None


def _code(session: Session, organisation_id: int, variant_id: int, day: date) -> str:
    """The kitchen's lot code: day, variant and the batch's number of that day."""
    made = session.scalar(select(func.count(ProductionBatch.id)).where(
        ProductionBatch.organisation_id == organisation_id, ProductionBatch.variant_id == variant_id,
        ProductionBatch.production_date == day)) or 0
    return f"K{day:%Y%m%d}-{variant_id}-{made + 1}"


def batch_view(batch: ProductionBatch, variant: DishVariant, lot_code: str, expiry: date) -> dict[str, Any]:
    return {"id": batch.id, "variant_id": variant.id, "dish": variant.name, "texture": variant.texture,
            "units": batch.units, "production_date": batch.production_date, "lot_id": batch.lot_id,
            "lot_code": lot_code, "use_by": expiry, "warehouse_id": batch.warehouse_id}
