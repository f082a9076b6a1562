"""Healthcoins: whole coins, awarded with a reason and redeemed at a configurable euro
value per coin. A balance never goes negative."""
from __future__ import annotations

from decimal import Decimal
from typing import Final

from .money import cents

DEFAULT_EURO_PER_COIN: Final = Decimal("0.10")
MAX_COINS_PER_ENTRY: Final = 10_000


class InsufficientCoins(ValueError):
    """A redemption asks for more healthcoins than the balance holds."""


def balance_after(balance: int, delta: int) -> int:
    if balance + delta < 0:
        raise InsufficientCoins(f"The balance is {balance} coins; {-delta} cannot be redeemed.")
    return balance + delta


def redemption_value(coins: int, euro_per_coin: Decimal) -> Decimal:
    return cents(euro_per_coin * coins)
