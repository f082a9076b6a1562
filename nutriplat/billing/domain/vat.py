"""Belgian VAT per invoice-line kind.

Defaults, each overridable per provider as the billing rate ``vat.<kind>`` (data, with an
effective month — rates change by law, not by release):

=====================  =====  ===========================================================
kind                   rate   why
=====================  =====  ===========================================================
package                 6 %   meals and meal components delivered: foodstuffs (table A)
extra_meal              6 %   the same food, ordered beyond the package
information_platform   21 %   an electronically supplied service
coaching_tool           0 %   exempt: coaching by a recognised dietitian is a therapeutic paramedical
                              service (Belgian VAT code art. 44 §1; docs/billing.md)
rental                 21 %   rental of movable equipment (freezer, regeneration oven)
addon                  21 %   other add-ons billed per unit
=====================  =====  ===========================================================

A discount takes the rate of what it discounts: redeemed healthcoins reduce the package.
What a third party pays for a client (a cofinancer's share, a funded voucher) is payment
of the price, not a supply: those lines carry 0 % and stay out of the VAT breakdown,
because the client's invoice already charges VAT on the whole supply.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Protocol

from .money import ZERO, percent_of, total

SUPPLY_KINDS: Final = ("package", "information_platform", "coaching_tool", "rental",
                       "extra_meal", "addon")
DEFAULT_VAT_PERCENT: Final = {
    "package": Decimal("6.00"), "extra_meal": Decimal("6.00"),
    "information_platform": Decimal("21.00"), "coaching_tool": Decimal("0.00"),
    "rental": Decimal("21.00"), "addon": Decimal("21.00"),
}
DISCOUNT_KINDS: Final = {"healthcoin_discount": "package"}
# Meals served on a care facility's ward (issue 16): food, taxed as the extra meals are.
TAXED_AS: Final = {"ward_meals": "extra_meal"}
PAYMENT_KINDS: Final = ("third_party_share", "voucher", "cofinancing_share", "voucher_funding")
LINE_KINDS: Final = (*SUPPLY_KINDS, *DISCOUNT_KINDS, *PAYMENT_KINDS, *TAXED_AS)


class Taxed(Protocol):
    # Read-only members, so frozen dataclasses (billing.domain.lines.Line) qualify too.
    @property
    def kind(self) -> str: ...
    @property
    def vat_rate(self) -> Decimal: ...
    @property
    def amount(self) -> Decimal: ...


@dataclass(frozen=True)
class VatGroup:
    rate: Decimal  # percent
    base: Decimal
    vat: Decimal


def rate_for(kind: str, rates: dict[str, Decimal]) -> Decimal:
    if kind in PAYMENT_KINDS:
        return ZERO
    return rates[DISCOUNT_KINDS.get(kind, TAXED_AS.get(kind, kind))]


def breakdown(lines: Iterable[Taxed]) -> tuple[VatGroup, ...]:
    """VAT per rate, rounded once per rate (as the invoice prints it), highest rate first."""
    bases: dict[Decimal, list[Decimal]] = {}
    for line in lines:
        if line.kind not in PAYMENT_KINDS:
            bases.setdefault(line.vat_rate, []).append(line.amount)
    groups = (VatGroup(rate, total(amounts), percent_of(total(amounts), rate))
              for rate, amounts in bases.items())
    return tuple(sorted(groups, key=lambda g: g.rate, reverse=True))
