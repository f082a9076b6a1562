"""Invoice lines and totals: ``total`` = sum of the line amounts + VAT as shown."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .money import total
from .vat import VatGroup, breakdown


@dataclass(frozen=True)
class Line:
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal  # percent
    amount: Decimal  # excluding VAT
    source: Mapping[str, Any] = field(default_factory=dict)  # what the line was made from


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    vat: tuple[VatGroup, ...]
    vat_total: Decimal
    total: Decimal


def totals(lines: Iterable[Line]) -> Totals:
    lines = list(lines)
    groups = breakdown(lines)
    subtotal = total(line.amount for line in lines)
    vat_total = total(group.vat for group in groups)
    return Totals(subtotal, groups, vat_total, subtotal + vat_total)


def lump(kind: str, description: str, amount: Decimal, vat_rate: Decimal,
         source: Mapping[str, Any] | None = None) -> Line:
    """A line of one unit at its own amount (discounts, payments)."""
    return Line(kind, description, Decimal(1), amount, vat_rate, amount, dict(source or {}))
