"""Meals served on care-facility wards, counted for invoicing (issue 16 item 8): from the
ward orders confirmed delivered, by the day each tray is served, a row per ward, resident
and day. Who pays is the service agreement's ``invoice_to``: the facility's monthly
invoice (``invoicing_facilities``) and a resident's own invoice (``month_inputs``) both
count from here, per meal or per resident-day as the agreement prices them."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.recall_replacements import REPLACEMENT
from nutriplat.facilities.models import ServiceAgreement, Ward
from nutriplat.periods import Month

KIND = "ward_meals"  # taxed as meals (vat.TAXED_AS)
UNIT = {"per_meal": "meals", "per_resident_day": "resident-days"}


@dataclass(frozen=True)
class Served:
    ward_id: int
    client_id: int
    served_on: date
    meals: int


def agreements(session: Session, organisation_id: int, month: Month, invoice_to: str) -> list[ServiceAgreement]:
    """The provider's agreements in force for part of ``month`` that invoice ``invoice_to``."""
    return list(session.scalars(select(ServiceAgreement).where(
        ServiceAgreement.organisation_id == organisation_id, ServiceAgreement.invoice_to == invoice_to,
        ServiceAgreement.valid_from <= month.last,
        or_(ServiceAgreement.valid_until.is_(None), ServiceAgreement.valid_until >= month.first))
        .order_by(ServiceAgreement.facility_id, ServiceAgreement.id)))


def span(agreement: ServiceAgreement, month: Month) -> tuple[date, date]:
    """The days of ``month`` the agreement was in force."""
    return max(month.first, agreement.valid_from), min(month.last, agreement.valid_until or month.last)


def served(session: Session, agreement: ServiceAgreement, month: Month, client_id: int | None = None) -> list[Served]:
    """The trays delivered under ``agreement`` for the days of ``month`` it covers (one
    resident's when ``client_id`` is given), per ward, resident and day served."""
    first, last = span(agreement, month)
    query = (select(DeliveryOrder.ward_id, DeliveryOrderLine.client_id, DeliveryOrderLine.served_on,
                    func.sum(DeliveryOrderLine.quantity))
             .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
             .where(DeliveryOrder.ward_id.in_(agreement.ward_ids), DeliveryOrder.facility_id == agreement.facility_id,
                    DeliveryOrder.status == "delivered", DeliveryOrderLine.served_on >= first,
                    DeliveryOrderLine.served_on <= last, DeliveryOrderLine.client_id.is_not(None),
                    DeliveryOrderLine.meal_moment.is_distinct_from(REPLACEMENT))  # a recall's: paid already
             .group_by(DeliveryOrder.ward_id, DeliveryOrderLine.client_id, DeliveryOrderLine.served_on)
             .order_by(DeliveryOrder.ward_id, DeliveryOrderLine.client_id, DeliveryOrderLine.served_on))
    if client_id is not None:
        query = query.where(DeliveryOrderLine.client_id == client_id)
    # client and day are never null here (the query's condition; ward lines always carry both)
    return [Served(ward_id or 0, client or 0, day, int(meals)) for ward_id, client, day, meals in session.execute(query)
            if day is not None]


def units(agreement: ServiceAgreement, rows: list[Served]) -> int:
    """What the agreement prices: the trays, or the resident-days (a row is one resident's day)."""
    return sum(row.meals for row in rows) if agreement.pricing == "per_meal" else len(rows)


def by_ward(rows: list[Served]) -> dict[int, list[Served]]:
    grouped: dict[int, list[Served]] = defaultdict(list)
    for row in rows:
        grouped[row.ward_id].append(row)
    return grouped


def ward_names(session: Session, ward_ids: list[int]) -> dict[int, str]:
    return dict(session.execute(select(Ward.id, Ward.name).where(Ward.id.in_(ward_ids))).all())


def description(agreement: ServiceAgreement, month: Month, ward: str, quantity: int, prefix: str = "Ward") -> str:
    first, last = span(agreement, month)
    return f"{prefix} {ward}: {quantity} {UNIT[agreement.pricing]} {first.isoformat()}–{last.isoformat()}"


def residents_billed(session: Session, organisation_id: int, month: Month) -> set[int]:
    """The residents whose own invoice of ``month`` carries ward meals (``invoice_to = client``)."""
    return {row.client_id for agreement in agreements(session, organisation_id, month, "client")
            for row in served(session, agreement, month)}
