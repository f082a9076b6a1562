"""The monthly invoice to each care facility that pays for its residents' meals (issue 16
item 8): for every service agreement that invoices the facility, one invoice per facility
and month with a line per ward — the trays delivered (``per_meal``) or the resident-days
served (``per_resident_day``), at the agreement's price. Counted from the ward orders
confirmed delivered, by the day each tray is served; a resident's own subscription is
paused while they stay (``facility_stays``), so no meal is paid twice. Idempotent as the
clients' invoices are: the facility's invoice of a month has one natural key."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
from nutriplat.billing import issuing
from nutriplat.billing.domain.lines import Line
from nutriplat.billing.domain.money import cents
from nutriplat.billing.domain.vat import DEFAULT_VAT_PERCENT
from nutriplat.billing.models import Invoice
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.recall_replacements import REPLACEMENT
from nutriplat.facilities.models import ServiceAgreement, Ward
from nutriplat.periods import Month

KIND = "ward_meals"  # taxed as meals
UNIT = {"per_meal": "meals", "per_resident_day": "resident-days"}


def facility_key(organisation_id: int, month: Month, facility_id: int) -> str:
    return f"invoice:{organisation_id}:{month}:facility:{facility_id}"


def bill_facilities(session: Session, organisation_id: int, month: Month, today: date,
                    vat: dict[str, Decimal]) -> int:
    """The invoices written now (a facility invoiced for the month already is skipped)."""
    by_facility: dict[int, list[ServiceAgreement]] = defaultdict(list)
    for agreement in session.scalars(select(ServiceAgreement).where(
            ServiceAgreement.organisation_id == organisation_id, ServiceAgreement.invoice_to == "facility",
            ServiceAgreement.valid_from <= month.last,
            or_(ServiceAgreement.valid_until.is_(None), ServiceAgreement.valid_until >= month.first))
            .order_by(ServiceAgreement.facility_id, ServiceAgreement.id)):
        by_facility[agreement.facility_id].append(agreement)
    written = 0
    for facility_id, agreements in by_facility.items():
        key = facility_key(organisation_id, month, facility_id)
        if session.scalar(select(func.count()).where(Invoice.natural_key == key)):
            continue
        lines = [line for agreement in agreements for line in _ward_lines(session, agreement, month, vat)]
        if not lines:
            continue
        facility = session.get_one(Organisation, facility_id)
        invoice = issuing.write(session, organisation_id, "invoice", key, str(month),
                                issuing.Payer("organisation", facility.id, facility.name), lines, today)
        audit.record(session, SYSTEM, "create", "invoice", invoice.id, organisation_id=organisation_id,
                     detail={"month": str(month), "source": "invoicing run", "facility_id": facility_id})
        written += 1
    return written


def _ward_lines(session: Session, agreement: ServiceAgreement, month: Month, vat: dict[str, Decimal]) -> list[Line]:
    first = max(month.first, agreement.valid_from)
    last = min(month.last, agreement.valid_until or month.last)
    meals: Counter[int] = Counter()
    resident_days: Counter[int] = Counter()
    for ward_id, quantity in session.execute(  # a row per ward, resident and day served
            select(DeliveryOrder.ward_id, func.sum(DeliveryOrderLine.quantity))
            .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
            .where(DeliveryOrder.ward_id.in_(agreement.ward_ids), DeliveryOrder.facility_id == agreement.facility_id,
                   DeliveryOrder.status == "delivered", DeliveryOrderLine.served_on >= first,
                   DeliveryOrderLine.served_on <= last,
                   DeliveryOrderLine.meal_moment.is_distinct_from(REPLACEMENT))  # a recall's: paid already
            .group_by(DeliveryOrder.ward_id, DeliveryOrderLine.client_id, DeliveryOrderLine.served_on)):
        meals[ward_id or 0] += int(quantity)
        resident_days[ward_id or 0] += 1
    names = dict(session.execute(select(Ward.id, Ward.name).where(Ward.id.in_(agreement.ward_ids))).all())
    rate = vat.get("extra_meal", DEFAULT_VAT_PERCENT["extra_meal"])
    lines = []
    counted = meals if agreement.pricing == "per_meal" else resident_days
    for ward_id in sorted(counted, key=lambda w: names.get(w, "")):
        units = Decimal(counted[ward_id])
        lines.append(Line(
            KIND, f"Ward {names.get(ward_id, ward_id)}: {units} {UNIT[agreement.pricing]} "
                  f"{first.isoformat()}–{last.isoformat()}", units, agreement.price_eur, rate,
            cents(agreement.price_eur * units),
            {"agreement_id": agreement.id, "ward_id": ward_id, "pricing": agreement.pricing}))
    return lines
