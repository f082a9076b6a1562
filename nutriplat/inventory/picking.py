"""Taking stock first-expiry-first-out under lock: for picks, deliveries straight from a
warehouse, consumption and any move that names a product instead of a lot.

Candidates are read first, then their balance rows (and the destination's rows for the
same lots) are locked in one pass; the allocation runs on the locked quantities, so two
concurrent picks never take the same unit. A recalled lot is never a candidate."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.errors import Conflict
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain import LotStock, allocate_fefo
from nutriplat.inventory.ledger import Key, Ledger
from nutriplat.inventory.models import Lot, StockBalance


@dataclass(frozen=True)
class Want:
    product: Product
    quantity: int
    usable_until: date  # lots expiring before this day are never taken
    name: str = ""
    allowed: Callable[[int], bool] | None = None  # by variant id (allergens, texture)


@dataclass(frozen=True)
class Candidate:
    location_id: int
    lot_id: int
    variant_id: int
    expiry_date: date
    product: Product
    storage_class: str


Destination = Callable[[Candidate], int | None] | int | None  # where a lot goes (a home: by storage class)


def candidates(session: Session, location_ids: Sequence[int], products: Sequence[Product]) -> list[Candidate]:
    if not location_ids or not products:
        return []
    rows = session.execute(
        select(StockBalance.location_id, StockBalance.lot_id, Lot.variant_id, Lot.expiry_date, Lot.dish_id,
               Lot.texture, DishVariant.storage_class)
        .join(Lot, Lot.id == StockBalance.lot_id).join(DishVariant, DishVariant.id == Lot.variant_id)
        .where(StockBalance.location_id.in_(set(location_ids)), StockBalance.quantity > 0, Lot.recalled_at.is_(None),
               tuple_(Lot.dish_id, Lot.texture).in_(set(products))))
    return [Candidate(r.location_id, r.lot_id, r.variant_id, r.expiry_date, (r.dish_id, r.texture), r.storage_class)
            for r in rows]


def _not_recalled(session: Session, found: list[Candidate]) -> list[Candidate]:
    """Read again once the balances are locked: a recall locks them before it blocks the
    lot, so a lot recalled while this pick waited is dropped here."""
    lot_ids = {c.lot_id for c in found}
    if not lot_ids:
        return found
    recalled = set(session.scalars(select(Lot.id).where(Lot.id.in_(lot_ids), Lot.recalled_at.is_not(None))))
    return [c for c in found if c.lot_id not in recalled] if recalled else found


def destination_of(candidate: Candidate, destination: Destination) -> int | None:
    return destination(candidate) if callable(destination) else destination


def take(session: Session, ledger: Ledger, sources: Sequence[int], destination: Destination,
         wants: Sequence[Want], partial: bool = False) -> list[list[tuple[int, int, int]]]:
    """Per want, the (location, lot, units) to take; 409 naming every product short of
    usable stock, unless ``partial`` (what there is, when at least one unit is). Locks the
    rows it reads and, in the same pass, the rows those lots would go to, so the whole move
    holds its locks in one order."""
    found = candidates(session, sources, [w.product for w in wants])
    keys: set[Key] = {(c.location_id, c.lot_id) for c in found}
    keys |= {(to, c.lot_id) for c in found if (to := destination_of(c, destination)) is not None}
    ledger.lock(keys)
    found = _not_recalled(session, found)
    left = {(c.location_id, c.lot_id): ledger.quantity((c.location_id, c.lot_id)) for c in found}
    result, short = [], []
    for want in wants:
        usable = [c for c in found if c.product == want.product
                  and (want.allowed is None or want.allowed(c.variant_id))]
        stocks = [LotStock(i, c.expiry_date, left[(c.location_id, c.lot_id)]) for i, c in enumerate(usable)]
        taken = allocate_fefo(stocks, want.quantity, want.usable_until)
        got = sum(a.quantity for a in taken)
        if got < want.quantity:
            short.append(f"{want.name or want.product}: {want.quantity} wanted, {got} usable "
                         f"(not expiring before {want.usable_until})")
        picks = []
        for allocation in taken:
            c = usable[allocation.lot_id]
            left[(c.location_id, c.lot_id)] -= allocation.quantity
            picks.append((c.location_id, c.lot_id, allocation.quantity))
        result.append(picks)
    if short and not (partial and any(result)):
        raise Conflict("Not enough usable stock.", {"quantity": short})
    return result
