"""What is stocked and delivered, and how a plan's portions become units.

A unit is one packed portion. A plan may say 0.75 or 1.5 portions (appetite); an opened
pack is not kept for the next day, so a day needs the portions of a product rounded up.
Cookbook recipes are cooked by the client and thin drinks (IDDSI 0: tap water, coffee,
tea) come from the client's own kitchen: neither is stocked nor delivered. Pre-thickened
drinks are."""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from math import ceil
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)  # a product, as the caller names one

NOT_DELIVERED_KINDS = ("recipe",)
NOT_DELIVERED_TEXTURES = ("drink:0",)


def is_stocked(kind: str, texture: str) -> bool:
    return kind not in NOT_DELIVERED_KINDS and texture not in NOT_DELIVERED_TEXTURES


def units_per_day(items: Iterable[tuple[date, Key, float]]) -> dict[date, dict[Key, int]]:
    """(day, product, portions) → day → product → whole units."""
    portions: dict[date, dict[Key, float]] = {}
    for day, product, amount in items:
        on_day = portions.setdefault(day, {})
        on_day[product] = on_day.get(product, 0.0) + amount
    # 1e-9: 0.25 + 0.75 must stay one unit whatever the float arithmetic says.
    return {day: {p: ceil(total - 1e-9) for p, total in by_product.items() if total > 0}
            for day, by_product in portions.items()}
