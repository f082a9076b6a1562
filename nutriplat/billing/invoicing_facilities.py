"""The monthly invoice to each care facility that pays for its residents' meals (issue 16
item 8): for every service agreement that invoices the facility, one invoice per facility
and month with a line per ward — the trays delivered (``per_meal``) or the resident-days
served (``per_resident_day``), at the agreement's price. Counted from the ward orders
confirmed delivered, by the day each tray is served; a resident's own subscription is
paused while they stay (``facility_stays``), so no meal is paid twice. Idempotent as the
clients' invoices are: the facility's invoice of a month has one natural key. An agreement
that invoices the client puts the meals on the resident's own invoice instead (``month_inputs``)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
from nutriplat.billing import issuing, ward_meals
from nutriplat.billing.domain.lines import Line
from nutriplat.billing.domain.money import cents
from nutriplat.billing.domain.vat import rate_for
from nutriplat.billing.models import Invoice
from nutriplat.facilities.models import ServiceAgreement
from nutriplat.periods import Month


def facility_key(organisation_id: int, month: Month, facility_id: int) -> str:
    return f"invoice:{organisation_id}:{month}:facility:{facility_id}"


def bill_facilities(session: Session, organisation_id: int, month: Month, today: date,
                    vat: dict[str, Decimal]) -> int:
    """The invoices written now (a facility invoiced for the month already is skipped)."""
    by_facility: dict[int, list[ServiceAgreement]] = defaultdict(list)
    for agreement in ward_meals.agreements(session, organisation_id, month, "facility"):
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
    grouped = ward_meals.by_ward(ward_meals.served(session, agreement, month))
    names = ward_meals.ward_names(session, agreement.ward_ids)
    rate = rate_for(ward_meals.KIND, vat)
    lines = []
    for ward_id in sorted(grouped, key=lambda w: names.get(w, "")):
        quantity = ward_meals.units(agreement, grouped[ward_id])
        lines.append(Line(
            ward_meals.KIND, ward_meals.description(agreement, month, names.get(ward_id, str(ward_id)), quantity),
            Decimal(quantity), agreement.price_eur, rate, cents(agreement.price_eur * quantity),
            {"agreement_id": agreement.id, "ward_id": ward_id, "pricing": agreement.pricing}))
    return lines
