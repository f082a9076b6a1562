"""Voucher budgets: issuing a voucher commits its value against the programme's cap,
which is never exceeded; a redemption never exceeds the voucher's value."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from nutriplat.periods import Month

from .money import ZERO


class BudgetExceeded(ValueError):
    """A voucher would take a programme past its budget cap."""


def commit(cap: Decimal, committed: Decimal, value: Decimal) -> Decimal:
    """The committed amount after issuing a voucher of ``value``."""
    if value <= ZERO:
        raise ValueError("A voucher has a positive value.")
    if committed + value > cap:
        raise BudgetExceeded(f"Only {cap - committed} of the budget of {cap} is left.")
    return committed + value


def usable_in(month: Month, valid_from: date, valid_until: date) -> bool:
    """A voucher is redeemed on the invoice of a month its validity touches."""
    return valid_from <= month.last and valid_until >= month.first
