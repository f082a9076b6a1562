"""Everything a client's month is billed from, read from the database and handed to the
pure ``compose`` as plain values: for a slice of a provider's clients at once (``gather``),
a query per kind of input for the whole slice rather than per client (the invoicing run's
cost was its ~20 queries per invoice); what is the same for every client of the provider
(segments, agreements, plans' prices, names) is read once per slice."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.billing import ward_meals
from nutriplat.billing.domain import composition as c
from nutriplat.billing.domain.timeline import usage
from nutriplat.billing.domain.vouchers import usable_in
from nutriplat.billing.models import Charge, CoinEntry, Subscription, Voucher, VoucherProgramme
from nutriplat.billing.provider_month import ProviderMonth
from nutriplat.billing.segments import attributes_of
from nutriplat.billing.subscriptions import spans_of
from nutriplat.billing.vocabulary import BILLED_CHARGE_KINDS
from nutriplat.coaching.availability import coached_clients
from nutriplat.content.availability import informed_clients
from nutriplat.errors import InvalidInput
from nutriplat.periods import Month

T = TypeVar("T")
BUNDLE = (("package", "package_price", "standard package"),
          ("information_platform", "information_platform_price", "information platform"),
          ("coaching_tool", "coaching_tool_price", "coaching and monitoring tool"))


def _days(days: int, month: Month) -> str:
    return "" if days == month.days else f", {days} of {month.days} days"


def _grouped(rows: Iterable[T], key: str) -> dict[int, list[T]]:
    by_client: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        by_client[getattr(row, key)].append(row)
    return by_client


@dataclass(frozen=True)
class Inputs:
    month: c.ClientMonth
    charges: list[Charge]
    redemptions: list[CoinEntry]


def _unused(redemption: CoinEntry) -> Decimal:
    """What of a redemption's euro value no invoice has used yet (a redemption has both)."""
    assert redemption.value is not None and redemption.applied is not None
    return redemption.value - redemption.applied


def gather(session: Session, organisation_id: int, client_ids: list[int], month: Month,
           vat: dict[str, Decimal]) -> dict[int, Inputs]:
    """Each of ``client_ids``' inputs for the provider's ``month``."""
    provider = ProviderMonth(session, organisation_id, month)
    subscriptions = _grouped(session.scalars(select(Subscription).options(selectinload(Subscription.changes)).where(
        Subscription.client_id.in_(client_ids), Subscription.organisation_id == organisation_id,
        Subscription.start_date <= month.last,
        or_(Subscription.ends_on.is_(None), Subscription.ends_on > month.first)).order_by(Subscription.id)),
        "client_id")
    had = _bundle(session, list(subscriptions), month)
    charges = _grouped(session.scalars(select(Charge).where(
        Charge.client_id.in_(client_ids), Charge.organisation_id == organisation_id,
        Charge.invoice_id.is_(None), Charge.kind.in_(BILLED_CHARGE_KINDS), Charge.charged_on <= month.last,
    ).order_by(Charge.charged_on, Charge.id)), "client_id")
    redemptions = _grouped((e for e in session.scalars(select(CoinEntry).where(
        CoinEntry.client_id.in_(client_ids), CoinEntry.kind == "redemption",  # the next invoice made
    ).order_by(CoinEntry.id)) if _unused(e) > 0), "client_id")
    attributes = attributes_of(session, client_ids)
    vouchers = _vouchers(session, provider, client_ids, month)
    ward = _ward_meals(session, provider, month)
    inputs = {}
    for client_id in client_ids:
        components: list[c.Component] = []
        first_days = []
        for sub in subscriptions.get(client_id, []):
            parts, first = _subscription_components(provider, sub, had.get(client_id, set()))
            components += parts
            first_days += [first] if first else []
        mine = charges.get(client_id, [])
        used = redemptions.get(client_id, [])
        day = min(first_days, default=month.first)
        inputs[client_id] = Inputs(c.ClientMonth(
            month.days, vat, tuple(components),
            tuple(c.Charge(ch.kind, f"{ch.description} ({ch.charged_on})", ch.quantity,
                           ch.unit_price, ch.id) for ch in mine),
            tuple((e.id, _unused(e)) for e in used),
            provider.shares(attributes[client_id], day), vouchers.get(client_id, ()),
            ward.get(client_id, ())), mine, used)
    return inputs


def _bundle(session: Session, client_ids: list[int], month: Month) -> dict[int, set[str]]:
    """The bundle's components each client had in ``month`` (issue 18): the package always;
    the information platform once an item of the library was given to them (by the month's
    end); the coaching tool when a coaching session was held in the month."""
    informed = informed_clients(session, client_ids, month.last)
    coached = coached_clients(session, client_ids, month.first, month.last)
    return {i: {"package"} | ({"information_platform"} if i in informed else set())
            | ({"coaching_tool"} if i in coached else set()) for i in client_ids}


def _subscription_components(provider: ProviderMonth, sub: Subscription,
                             had: set[str]) -> tuple[list[c.Component], date | None]:
    month = provider.month
    used = usage(spans_of(sub), month)
    components = []
    for plan_id, days in used.plan_days.items():
        version = provider.version(plan_id)
        if version is None:
            raise InvalidInput(f"Plan {plan_id} has no price for {month}.", {"plan_id": [str(plan_id)]})
        plan = provider.plan(plan_id)
        for kind, price, what in (part for part in BUNDLE if part[0] in had):
            components.append(c.Component(
                kind, f"{plan.name if plan else plan_id}: {what}{_days(days, month)}",
                getattr(version, price), days,
                source={"subscription_id": sub.id, "plan_version_id": version.id, "days": days}))
    for (appliance, count), days in used.rental_days.items():
        tariff, tariff_price = provider.tariff(appliance)
        if tariff is None or tariff_price is None:
            raise InvalidInput(f"Rental '{appliance}' has no price for {month}.", {"appliance": [appliance]})
        components.append(c.Component(
            "rental", f"Rental: {tariff.name} × {count}{_days(days, month)}", tariff_price.unit_price, days,
            count, source={"subscription_id": sub.id, "tariff_price_id": tariff_price.id, "days": days}))
    return components, used.first_billed_day


def _vouchers(session: Session, provider: ProviderMonth, client_ids: list[int],
              month: Month) -> dict[int, tuple[c.VoucherOffer, ...]]:
    offers: dict[int, list[c.VoucherOffer]] = defaultdict(list)
    for v, p in session.execute(select(Voucher, VoucherProgramme).join(
            VoucherProgramme, Voucher.programme_id == VoucherProgramme.id).where(
            Voucher.client_id.in_(client_ids), Voucher.invoice_id.is_(None),
            VoucherProgramme.organisation_id == provider.organisation_id,
    ).order_by(Voucher.valid_until, Voucher.id)).all():
        if usable_in(month, v.valid_from, v.valid_until):
            offers[v.client_id].append(c.VoucherOffer(
                v.id, p.id, p.cofinancer_id, f"Voucher funded by {provider.name(p.cofinancer_id)}: {p.name}", v.value))
    return {client_id: tuple(made) for client_id, made in offers.items()}


def _ward_meals(session: Session, provider: ProviderMonth, month: Month) -> dict[int, tuple[c.WardMeals, ...]]:
    """The meals served to each client on wards whose agreement invoices the client (issue 16
    item 8): a line per agreement and ward, per meal or per resident-day as it prices them."""
    made: dict[int, list[c.WardMeals]] = defaultdict(list)
    for agreement in provider.ward_agreements:
        served = _grouped(ward_meals.served(session, agreement, month), "client_id")
        names = ward_meals.ward_names(session, list({row.ward_id for rows in served.values() for row in rows}))
        for client_id, rows in served.items():
            grouped = ward_meals.by_ward(rows)
            for ward_id, mine in sorted(grouped.items(), key=lambda item: names.get(item[0], "")):
                quantity = ward_meals.units(agreement, mine)
                made[client_id].append(c.WardMeals(
                    ward_meals.KIND, ward_meals.description(agreement, month, names.get(ward_id, str(ward_id)),
                                                            quantity, "Meals on ward"),
                    quantity, agreement.price_eur,
                    {"agreement_id": agreement.id, "ward_id": ward_id, "pricing": agreement.pricing}))
    return {client_id: tuple(lines) for client_id, lines in made.items()}
