"""Posting stock moves: the one place that changes stock.

Every move is written together with the balances of the (location, lot) rows it touches,
in the caller's transaction. Rows are locked ``SELECT … FOR UPDATE`` in one pass and in
one global order (location id, lot id), so two transactions never wait on each other in
a circle; a missing row is inserted first (``ON CONFLICT DO NOTHING``), in the same
order. Checks run on the locked quantities: no balance ever goes below zero, and the
``not_negative`` check constraint backs that up. A recalled lot moves only by its recall."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Select, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from nutriplat.db import utcnow
from nutriplat.errors import Conflict
from nutriplat.inventory.models import Lot, StockBalance, StockMove

Key = tuple[int, int]  # (location id, lot id)
_BALANCES = select(StockBalance.location_id, StockBalance.lot_id, StockBalance.quantity)
CHUNK = 500  # keys per statement: well under every driver's parameter limit


@dataclass(frozen=True)
class Move:
    kind: str
    lot_id: int
    quantity: int
    from_location_id: int | None
    to_location_id: int | None
    moved_on: date
    client_id: int | None = None
    delivery_order_id: int | None = None
    purchase_order_line_id: int | None = None
    reason: str | None = None


class Ledger:
    def __init__(self, session: Session, recorded_by: int | None) -> None:
        self.session, self.recorded_by = session, recorded_by
        self.rows: dict[Key, int] = {}  # the locked balances: (location, lot) → on hand

    def lock(self, keys: Iterable[Key]) -> None:
        """Lock (creating at zero where missing) the balance rows of ``keys``."""
        wanted = sorted(set(keys) - self.rows.keys())
        if not wanted:
            return
        self._ensure(wanted)
        for part in _chunks(wanted):
            self._take(_BALANCES.where(tuple_(StockBalance.location_id, StockBalance.lot_id).in_(part)))

    def lock_locations(self, location_ids: Iterable[int]) -> None:
        """Lock every balance row of these locations (a night's consumption at homes)."""
        for part in _chunks(sorted(set(location_ids))):
            self._take(_BALANCES.where(StockBalance.location_id.in_(part)))

    def lock_lot(self, lot_id: int) -> None:
        """Lock every balance row of a lot (a recall freezing it). Read again until no new
        row shows up: a move that held a row we waited for may have created another one,
        which the statement that waited does not see."""
        while True:
            known = set(self.rows)
            self._take(_BALANCES.where(StockBalance.lot_id == lot_id))
            if set(self.rows) == known:
                return

    def quantity(self, key: Key) -> int:
        return self.rows.get(key, 0)

    def post(self, moves: Sequence[Move], organisation_id: int, returning: bool = True) -> list[StockMove]:
        """Write ``moves`` and their balances; 409 naming every row that would go negative."""
        if not moves:
            return []
        self._refuse_recalled({m.lot_id for m in moves if m.kind != "recall"})
        self.lock([k for m in moves for k in _keys(m)])
        changes: dict[Key, int] = {}
        for move in moves:
            if move.quantity <= 0:
                raise ValueError("a stock move moves a positive quantity")
            if move.from_location_id is not None:
                key = (move.from_location_id, move.lot_id)
                changes[key] = changes.get(key, 0) - move.quantity
            if move.to_location_id is not None:
                key = (move.to_location_id, move.lot_id)
                changes[key] = changes.get(key, 0) + move.quantity
        short = [f"location {loc} holds {self.quantity((loc, lot))} of lot {lot}, "
                 f"{-change} are to leave" for (loc, lot), change in sorted(changes.items())
                 if self.quantity((loc, lot)) + change < 0]
        if short:
            raise Conflict("Not enough stock: a move would make stock negative.", {"quantity": short})
        for key, change in changes.items():
            self.rows[key] += change
        self.session.execute(update(StockBalance), [
            {"location_id": loc, "lot_id": lot, "quantity": self.rows[(loc, lot)]} for loc, lot in changes])
        now = utcnow()
        rows = [asdict(m) | {"organisation_id": organisation_id, "recorded_by": self.recorded_by,
                             "moved_at": now} for m in moves]
        if returning:
            written = list(self.session.scalars(insert(StockMove).returning(StockMove), rows))
        else:
            self.session.execute(insert(StockMove), rows)
            written = []
        return written

    def _refuse_recalled(self, lot_ids: set[int]) -> None:
        """A recalled lot stays where it is (a delivery order picked before the recall
        included): only the recall's own accounting moves it."""
        recalled = sorted(lot for part in _chunks(sorted(lot_ids)) for lot in self.session.scalars(
            select(Lot.id).where(Lot.id.in_(part), Lot.recalled_at.is_not(None))))
        if recalled:
            raise Conflict("A recalled lot stays where it is until its recall accounts for it.",
                           {"lot_id": [f"Lot {lot} is recalled." for lot in recalled]})

    def _ensure(self, keys: list[Key]) -> None:
        dialect = self.session.get_bind().dialect.name
        make = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # One statement, many rows (batched by the driver layer): compiled once, cached.
        self.session.execute(make(StockBalance).on_conflict_do_nothing(),
                             [{"location_id": loc, "lot_id": lot, "quantity": 0} for loc, lot in keys])

    def _take(self, stmt: Select[int, int, int]) -> None:
        rows = self.session.execute(stmt.order_by(StockBalance.location_id, StockBalance.lot_id).with_for_update())
        for location_id, lot_id, quantity in rows:
            self.rows[(location_id, lot_id)] = quantity


def _keys(move: Move) -> list[Key]:
    return [(loc, move.lot_id) for loc in (move.from_location_id, move.to_location_id) if loc is not None]


def _chunks(keys: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]
