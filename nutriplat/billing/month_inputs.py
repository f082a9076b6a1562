"""Everything one client's month is billed from, read from the database and handed to
the pure ``compose`` as plain values."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.billing import plans, ward_meals
from nutriplat.billing.domain import composition as c
from nutriplat.billing.domain.segment_membership import held_on, is_member
from nutriplat.billing.domain.timeline import usage
from nutriplat.billing.domain.vouchers import usable_in
from nutriplat.billing.models import (
    Charge,
    CofinancingAgreement,
    CoinEntry,
    Plan,
    Segment,
    Subscription,
    Voucher,
    VoucherProgramme,
)
from nutriplat.billing.segments import attributes_of
from nutriplat.billing.subscriptions import spans_of
from nutriplat.billing.vocabulary import BILLED_CHARGE_KINDS
from nutriplat.coaching.availability import coached_clients
from nutriplat.content.availability import informed_clients
from nutriplat.errors import InvalidInput
from nutriplat.periods import Month

BUNDLE = (("package", "package_price", "standard package"),
          ("information_platform", "information_platform_price", "information platform"),
          ("coaching_tool", "coaching_tool_price", "coaching and monitoring tool"))


def _days(days: int, month: Month) -> str:
    return "" if days == month.days else f", {days} of {month.days} days"


def available(session: Session, client_id: int, month: Month) -> set[str]:
    """The bundle's components the client had in ``month`` (issue 18): the package always;
    the information platform once an item of the library was given to them (by the month's
    end); the coaching tool when a coaching session was held in the month."""
    kinds = {"package"}
    if informed_clients(session, [client_id], month.last):
        kinds.add("information_platform")
    if coached_clients(session, [client_id], month.first, month.last):
        kinds.add("coaching_tool")
    return kinds


def _subscription_components(session: Session, sub: Subscription,
                             month: Month) -> tuple[list[c.Component], date | None]:
    used = usage(spans_of(sub), month)
    had = available(session, sub.client_id, month) if used.plan_days else set()
    components = []
    for plan_id, days in used.plan_days.items():
        version = plans.version_on(session, plan_id, month.first)
        if version is None:
            raise InvalidInput(f"Plan {plan_id} has no price for {month}.", {"plan_id": [str(plan_id)]})
        plan = session.get(Plan, plan_id)
        for kind, price, what in (part for part in BUNDLE if part[0] in had):
            components.append(c.Component(
                kind, f"{plan.name if plan else plan_id}: {what}{_days(days, month)}",
                getattr(version, price), days,
                source={"subscription_id": sub.id, "plan_version_id": version.id, "days": days}))
    for (appliance, count), days in used.rental_days.items():
        tariff, tariff_price = plans.tariff_price_on(session, sub.organisation_id, appliance, month.first)
        if tariff is None or tariff_price is None:
            raise InvalidInput(f"Rental '{appliance}' has no price for {month}.", {"appliance": [appliance]})
        components.append(c.Component(
            "rental", f"Rental: {tariff.name} × {count}{_days(days, month)}", tariff_price.unit_price, days,
            count, source={"subscription_id": sub.id, "tariff_price_id": tariff_price.id, "days": days}))
    return components, used.first_billed_day


def _shares(session: Session, organisation_id: int, client_id: int, day: date) -> tuple[c.Share, ...]:
    held = held_on(attributes_of(session, [client_id])[client_id], day)
    segment_ids = [s.id for s in session.scalars(select(Segment).where(
        Segment.organisation_id == organisation_id)) if is_member(s.attributes, held)]
    agreements = session.scalars(select(CofinancingAgreement).where(
        CofinancingAgreement.organisation_id == organisation_id,
        CofinancingAgreement.segment_id.in_(segment_ids), CofinancingAgreement.valid_from <= day,
        or_(CofinancingAgreement.valid_until.is_(None), CofinancingAgreement.valid_until >= day),
    ).order_by(CofinancingAgreement.id))
    return tuple(c.Share(a.id, a.cofinancer_id, f"Paid by {_name(session, a.cofinancer_id)}: {a.name}",
                         a.share_kind, a.share_value) for a in agreements)


def _vouchers(session: Session, organisation_id: int, client_id: int,
              month: Month) -> tuple[c.VoucherOffer, ...]:
    rows = session.execute(select(Voucher, VoucherProgramme).join(
        VoucherProgramme, Voucher.programme_id == VoucherProgramme.id).where(
        Voucher.client_id == client_id, Voucher.invoice_id.is_(None),
        VoucherProgramme.organisation_id == organisation_id,
    ).order_by(Voucher.valid_until, Voucher.id)).all()
    return tuple(c.VoucherOffer(v.id, p.id, p.cofinancer_id,
                                f"Voucher funded by {_name(session, p.cofinancer_id)}: {p.name}", v.value)
                 for v, p in rows if usable_in(month, v.valid_from, v.valid_until))


def _ward_meals(session: Session, organisation_id: int, client_id: int,
                month: Month) -> tuple[c.WardMeals, ...]:
    """The meals served to the client on wards whose agreement invoices the client (issue 16
    item 8): a line per agreement and ward, per meal or per resident-day as it prices them."""
    made = []
    for agreement in ward_meals.agreements(session, organisation_id, month, "client"):
        grouped = ward_meals.by_ward(ward_meals.served(session, agreement, month, client_id))
        names = ward_meals.ward_names(session, list(grouped))
        for ward_id, rows in sorted(grouped.items(), key=lambda item: names.get(item[0], "")):
            quantity = ward_meals.units(agreement, rows)
            made.append(c.WardMeals(
                ward_meals.KIND, ward_meals.description(agreement, month, names.get(ward_id, str(ward_id)), quantity,
                                                        "Meals on ward"),
                quantity, agreement.price_eur,
                {"agreement_id": agreement.id, "ward_id": ward_id, "pricing": agreement.pricing}))
    return tuple(made)


def _name(session: Session, organisation_id: int) -> str:
    organisation = session.get(Organisation, organisation_id)
    return organisation.name if organisation else str(organisation_id)


@dataclass(frozen=True)
class Inputs:
    month: c.ClientMonth
    charges: list[Charge]
    redemptions: list[CoinEntry]


def _unused(redemption: CoinEntry) -> Decimal:
    """What of a redemption's euro value no invoice has used yet (a redemption has both)."""
    assert redemption.value is not None and redemption.applied is not None
    return redemption.value - redemption.applied


def gather(session: Session, organisation_id: int, client_id: int, month: Month,
           vat: dict[str, Decimal]) -> Inputs:
    components: list[c.Component] = []
    first_days = []
    for sub in session.scalars(select(Subscription).where(
            Subscription.client_id == client_id, Subscription.organisation_id == organisation_id,
            Subscription.start_date <= month.last,
            or_(Subscription.ends_on.is_(None), Subscription.ends_on > month.first))):
        parts, first = _subscription_components(session, sub, month)
        components += parts
        first_days += [first] if first else []
    charges = list(session.scalars(select(Charge).where(
        Charge.client_id == client_id, Charge.organisation_id == organisation_id,
        Charge.invoice_id.is_(None), Charge.kind.in_(BILLED_CHARGE_KINDS), Charge.charged_on <= month.last,
    ).order_by(Charge.charged_on, Charge.id)))
    redemptions = [e for e in session.scalars(select(CoinEntry).where(
        CoinEntry.client_id == client_id, CoinEntry.kind == "redemption",  # the next invoice made
    ).order_by(CoinEntry.id)) if _unused(e) > 0]
    day = min(first_days, default=month.first)
    return Inputs(c.ClientMonth(
        month.days, vat, tuple(components),
        tuple(c.Charge(ch.kind, f"{ch.description} ({ch.charged_on})", ch.quantity,
                       ch.unit_price, ch.id) for ch in charges),
        tuple((e.id, _unused(e)) for e in redemptions),
        _shares(session, organisation_id, client_id, day),
        _vouchers(session, organisation_id, client_id, month),
        _ward_meals(session, organisation_id, client_id, month)), charges, redemptions)
