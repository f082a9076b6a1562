"""The central kitchen's production plan of a day (issue 16 item 6): per dish variant and
texture, the units the next day's deliveries need — home orders and ward orders side by
side — less the usable stock the provider's warehouses hold, made in lots of the
kitchen's lot size. Cook-chill: what is produced on day D leaves on D + 1
(``LEAD_DAYS``). The batches already recorded as made that day (``production_batches``)
are on hand and shown as produced; the pick lists per van and per facility's wards
(``production_picking``) come with it. Counts only, no person: read by logistics,
audited as a read. As JSON, CSV and XLSX (a sheet per list)."""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta
from typing import Any

from openpyxl import Workbook
from sqlalchemy import case, func, select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.production import production
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, ProductionBatch
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.production_picking import pick_lists
from nutriplat.inventory.access import provider_of
from nutriplat.inventory.models import Location, Lot, StockBalance
from nutriplat.spreadsheets import csv_text, xlsx_text

LEAD_DAYS = 1  # produced today, delivered tomorrow
COLUMNS = ("variant_id", "dish", "texture", "storage_class", "home_units", "ward_units", "needed", "on_hand",
           "produced", "to_make", "lots", "lot_units")
PICK_COLUMNS = ("dish", "texture", "storage_class", "units")


def production_plan(uow: UnitOfWork, actor: Actor, day: date, lot_size: int) -> dict[str, Any]:
    POLICY.check(actor, "production_plan")
    organisation_id = provider_of(actor)
    delivery_day = day + timedelta(days=LEAD_DAYS)
    with uow:
        session = uow.session
        home, ward = Counter[int](), Counter[int]()
        for variant_id, is_ward, units in session.execute(
                select(DeliveryOrderLine.variant_id, case((DeliveryOrder.ward_id.is_(None), 0), else_=1),
                       func.sum(DeliveryOrderLine.quantity))
                .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
                .where(DeliveryOrder.organisation_id == organisation_id, DeliveryOrder.delivery_date == delivery_day,
                       DeliveryOrder.status == "planned")  # a picked order's units left the warehouse
                .group_by(DeliveryOrderLine.variant_id, DeliveryOrder.ward_id.is_(None))):
            (ward if is_ward else home)[variant_id] += int(units)
        variants = {v.id: v for v in session.scalars(select(DishVariant).where(DishVariant.id.in_(home | ward)))}
        stock = {(dish, texture): int(units) for dish, texture, units in session.execute(
            select(Lot.dish_id, Lot.texture, func.sum(StockBalance.quantity)).join(Lot, Lot.id == StockBalance.lot_id)
            .join(Location, Location.id == StockBalance.location_id)
            .where(Location.organisation_id == organisation_id, Location.kind == "warehouse",
                   Lot.recalled_at.is_(None), Lot.expiry_date >= delivery_day, StockBalance.quantity > 0)
            .group_by(Lot.dish_id, Lot.texture))}
        produced = {variant_id: int(units) for variant_id, units in session.execute(
            select(ProductionBatch.variant_id, func.sum(ProductionBatch.units))
            .where(ProductionBatch.organisation_id == organisation_id, ProductionBatch.production_date == day)
            .group_by(ProductionBatch.variant_id))}
        rows = []
        for variant in sorted(variants.values(), key=lambda v: (v.name, v.texture)):
            made = production(home[variant.id], ward[variant.id], stock.get((variant.dish_id, variant.texture), 0),
                              lot_size)
            rows.append({"variant_id": variant.id, "dish": variant.name, "texture": variant.texture,
                         "storage_class": variant.storage_class, "home_units": home[variant.id],
                         "ward_units": ward[variant.id], "needed": made.needed, "on_hand": made.on_hand,
                         "produced": produced.get(variant.id, 0), "to_make": made.to_make, "lots": made.lots,
                         "lot_units": made.lot_units})
        picking = pick_lists(session, organisation_id, delivery_day)
        audit.record(session, actor, "read", "production_plan", day.isoformat(), organisation_id=organisation_id,
                     detail={"delivery_date": delivery_day.isoformat(), "lot_size": lot_size})
        uow.commit()
    return {"date": day, "delivery_date": delivery_day, "lot_size": lot_size, "rows": rows,
            "home_units": sum(home.values()), "ward_units": sum(ward.values()),
            "produced_units": sum(produced.values()), **picking}


def as_csv(plan: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_text(row[key]) for key in COLUMNS} for row in plan["rows"])
    return buffer.getvalue()


def as_xlsx(plan: dict[str, Any]) -> bytes:
    """The plan on its first sheet, then a sheet of pick lists per van and one of the
    crates per facility and ward — what the kitchen prints or opens in a spreadsheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Production"
    sheet.append([f"Production {plan['date'].isoformat()}", f"delivery {plan['delivery_date'].isoformat()}",
                  f"lot size {plan['lot_size']}"])
    sheet.append(list(COLUMNS))
    for row in plan["rows"]:
        sheet.append([row[key] for key in COLUMNS])
    vans = book.create_sheet("Vans")
    vans.append(["van", "orders", *PICK_COLUMNS])
    for van in plan["vans"]:
        for line in van["lines"]:
            vans.append([van["van"] or "(not on a published route)", van["orders"], *(line[k] for k in PICK_COLUMNS)])
    crates = book.create_sheet("Facilities")
    crates.append(["facility", "ward", *PICK_COLUMNS])
    for facility in plan["facilities"]:
        for ward in facility["wards"]:
            for line in ward["lines"]:
                crates.append([facility["facility"], ward["ward"], *(line[k] for k in PICK_COLUMNS)])
    buffer = io.BytesIO()
    xlsx_text(book).save(buffer)
    return buffer.getvalue()
