"""The catalogue as stock sees it: one entry per product (dish and texture) with the
version to order now, how it is stored and packed, and what it contains."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain.units import is_stocked


@dataclass(frozen=True)
class ProductInfo:
    product: Product
    current_variant_id: int | None  # None: withdrawn, nothing new can be ordered
    name: str
    kind: str
    storage_class: str
    volume_l: float
    allergens: frozenset[str]  # of the current version (of the last one when withdrawn)
    shelf_life_days: int | None = None  # from production to expiry

    @property
    def stocked(self) -> bool:
        return is_stocked(self.kind, self.product[1])


def product_catalogue(session: Session) -> dict[Product, ProductInfo]:
    """Every product, described by its current version (else its latest one)."""
    rows = session.execute(
        select(DishVariant.id, DishVariant.dish_id, DishVariant.texture, DishVariant.version,
               DishVariant.name, DishVariant.storage_class, DishVariant.volume_l, DishVariant.allergens,
               DishVariant.retired_at, DishVariant.shelf_life_days, Dish.kind, Dish.withdrawn_at)
        .join(Dish, Dish.id == DishVariant.dish_id).order_by(DishVariant.version))
    products: dict[Product, ProductInfo] = {}
    for row in rows:
        current = row.retired_at is None and row.withdrawn_at is None
        key = (row.dish_id, row.texture)
        if current or key not in products or products[key].current_variant_id is None:
            products[key] = ProductInfo(key, row.id if current else None, row.name, row.kind,
                                        row.storage_class, row.volume_l, frozenset(row.allergens or ()),
                                        row.shelf_life_days)
    return products
