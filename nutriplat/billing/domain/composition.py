"""One client's month as an invoice: supply lines, the healthcoin discount, VAT, then
what third parties pay (cofinancers' shares, funded vouchers).

Order, and why:
1. bundle components and rentals, prorated per day; per-unit charges; meals served on a
   care facility's ward whose service agreement invoices the resident (issue 16);
2. redeemed healthcoins, a discount on the package (never more than the package), so it
   lowers the VAT base;
3. ``gross`` = those lines + VAT: what the month costs, whoever pays it;
4. cofinancers' shares of the subscription part (bundle, rental, discount, with VAT) —
   a percentage or a fixed amount, never more than what is left of that part;
5. funded vouchers against what the client still owes, never below zero.
So ``total`` (the client's share) + the allocations to cofinancers = ``gross``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .lines import Line, Totals, lump, totals
from .money import ZERO, cents, percent_of
from .proration import month_fraction, prorate
from .vat import rate_for

SUBSCRIPTION_KINDS = ("package", "information_platform", "coaching_tool", "rental", "healthcoin_discount")


@dataclass(frozen=True)
class Component:
    """A monthly-priced item billed per day: a bundle component or rented appliances."""
    kind: str
    description: str
    monthly_price: Decimal
    days: int
    count: int = 1
    source: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Charge:
    kind: str
    description: str
    quantity: int
    unit_price: Decimal
    charge_id: int


@dataclass(frozen=True)
class WardMeals:
    """Meals or resident-days on a ward whose service agreement invoices the resident."""
    kind: str
    description: str
    quantity: int
    unit_price: Decimal
    source: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Share:
    agreement_id: int
    cofinancer_id: int
    description: str
    kind: str  # "percentage" or "fixed"
    value: Decimal


@dataclass(frozen=True)
class VoucherOffer:
    voucher_id: int
    programme_id: int
    cofinancer_id: int
    description: str
    value: Decimal


@dataclass(frozen=True)
class ClientMonth:
    days_in_month: int
    vat: Mapping[str, Decimal]  # percent per supply kind
    components: tuple[Component, ...] = ()
    charges: tuple[Charge, ...] = ()
    redemptions: tuple[tuple[int, Decimal], ...] = ()  # (redemption id, euros still to apply)
    shares: tuple[Share, ...] = ()
    vouchers: tuple[VoucherOffer, ...] = ()
    ward_meals: tuple[WardMeals, ...] = ()


@dataclass(frozen=True)
class Allocation:
    """What one cofinancer pays of this client's month."""
    kind: str  # "share" or "voucher"
    cofinancer_id: int
    reference: int  # agreement id or voucher id
    programme_id: int | None
    amount: Decimal


@dataclass(frozen=True)
class ClientInvoice:
    lines: tuple[Line, ...]
    totals: Totals
    gross: Decimal
    allocations: tuple[Allocation, ...]
    applied_redemptions: tuple[tuple[int, Decimal], ...]


def _supply(month: ClientMonth) -> list[Line]:
    lines = [Line(c.kind, c.description, month_fraction(c.days, month.days_in_month, c.count),
                  c.monthly_price, rate_for(c.kind, dict(month.vat)),
                  prorate(c.monthly_price, c.days, month.days_in_month, c.count), dict(c.source))
             for c in month.components if c.days]
    lines += [Line(c.kind, c.description, Decimal(c.quantity), c.unit_price,
                   rate_for(c.kind, dict(month.vat)), cents(c.unit_price * c.quantity),
                   {"charge_id": c.charge_id}) for c in month.charges]
    lines += [Line(w.kind, w.description, Decimal(w.quantity), w.unit_price, rate_for(w.kind, dict(month.vat)),
                   cents(w.unit_price * w.quantity), dict(w.source)) for w in month.ward_meals]
    return lines


def _coin_discount(month: ClientMonth, supply: list[Line]) -> tuple[list[Line], list[tuple[int, Decimal]]]:
    room = sum((line.amount for line in supply if line.kind == "package"), ZERO)
    applied = []
    for redemption_id, remaining in month.redemptions:
        amount = min(remaining, room)
        if amount > ZERO:
            applied.append((redemption_id, amount))
            room -= amount
    discount = sum((amount for _, amount in applied), ZERO)
    if not discount:
        return [], applied
    return [lump("healthcoin_discount", "Healthcoins redeemed", -discount,
                 rate_for("healthcoin_discount", dict(month.vat)),
                 {"redemption_ids": [r for r, _ in applied]})], applied


def compose(month: ClientMonth) -> ClientInvoice:
    supply = _supply(month)
    discount, applied = _coin_discount(month, supply)
    taxed = supply + discount
    gross = totals(taxed).total
    base = totals(line for line in taxed if line.kind in SUBSCRIPTION_KINDS).total
    payments, allocations = [], []
    for share in month.shares:
        asked = percent_of(base, share.value) if share.kind == "percentage" else share.value
        amount = min(asked, base)
        if amount > ZERO:
            base -= amount
            allocations.append(Allocation("share", share.cofinancer_id, share.agreement_id, None, amount))
            payments.append(lump("third_party_share", share.description, -amount, ZERO,
                                 {"agreement_id": share.agreement_id}))
    owed = gross - sum((a.amount for a in allocations), ZERO)
    for voucher in month.vouchers:
        amount = min(voucher.value, owed)
        if amount > ZERO:
            owed -= amount
            allocations.append(Allocation("voucher", voucher.cofinancer_id, voucher.voucher_id,
                                          voucher.programme_id, amount))
            payments.append(lump("voucher", voucher.description, -amount, ZERO,
                                 {"voucher_id": voucher.voucher_id}))
    lines = tuple(taxed + payments)
    return ClientInvoice(lines, totals(lines), gross, tuple(allocations), tuple(applied))
