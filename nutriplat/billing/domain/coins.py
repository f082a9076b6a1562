"""Healthcoins: whole coins, awarded with a reason and redeemed at a configurable euro
value per coin. A balance never goes negative."""
from __future__ import annotations

from decimal import Decimal
from typing import Final

from .money import cents

DEFAULT_EURO_PER_COIN: Final = Decimal("0.10")
MAX_COINS_PER_ENTRY: Final = 10_000
# Below this a redemption is not worth an invoice line (2 euros at the default value).
MIN_COINS_PER_REDEMPTION: Final = 20


class InsufficientCoins(ValueError):
    """A redemption asks for more healthcoins than the balance holds."""


def balance_after(balance: int, delta: int) -> int:
    if balance + delta < 0:
        raise InsufficientCoins(f"The balance is {balance} coins; {-delta} cannot be redeemed.")
    return balance + delta


def redemption_value(coins: int, euro_per_coin: Decimal) -> Decimal:
    return cents(euro_per_coin * coins)


def redemption_conflicts(coins: int, balance: int, invoice_to_come: bool) -> list[str]:
    """Why ``coins`` cannot be redeemed now: above the ``balance``, or no invoice is to
    come to set them against (every month of the subscription is invoiced: closed).
    Empty when they can."""
    problems = []
    if coins > balance:
        problems.append(f"The balance is {balance} coins.")
    if not invoice_to_come:
        problems.append("No invoice is to come: the months of the subscription are invoiced and closed, "
                        "so the coins stay on the balance.")
    return problems
