"""What happened to the units sent home, read from the ledger: per client and month, the
units delivered, eaten, thrown away (waste) and written off past their date (expiry),
and the days a planned item was not at home (stock-out days, from the consumption
postings); and how many home appliances held more than their capacity on some day.

One reading serves the monthly report (API and CSV) and the demo simulation's figures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.inventory.models import ConsumptionPosting, Location, Lot, StockMove
from nutriplat.periods import Month

# Stock-move kind → the figure it adds to (moves out of a home, but deliveries into it).
FIGURE_OF_KIND = {"delivery": "delivered", "consumption": "eaten", "waste": "wasted", "expiry": "expired"}


@dataclass
class HomeFigures:
    delivered: int = 0
    eaten: int = 0
    wasted: int = 0
    expired: int = 0
    stock_out_days: int = 0

    def add(self, other: HomeFigures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def expired_share(self) -> float:
        """Units expired at home per unit delivered (0 when nothing was delivered)."""
        return self.expired / self.delivered if self.delivered else 0.0


def home_figures(session: Session, first: date, last: date, client_ids: list[int] | None = None
                 ) -> dict[tuple[int, Month], HomeFigures]:
    """(client, month) → figures, for the business days first..last."""
    result: dict[tuple[int, Month], HomeFigures] = defaultdict(HomeFigures)
    moves = (select(StockMove.client_id, StockMove.kind, StockMove.moved_on, func.sum(StockMove.quantity))
             .join(Location, Location.id == func.coalesce(StockMove.to_location_id, StockMove.from_location_id))
             .where(StockMove.kind.in_(FIGURE_OF_KIND), Location.kind == "home",
                    StockMove.moved_on >= first, StockMove.moved_on <= last)
             .group_by(StockMove.client_id, StockMove.kind, StockMove.moved_on))
    if client_ids is not None:
        moves = moves.where(StockMove.client_id.in_(client_ids))
    for client_id, kind, day, units in session.execute(moves):
        if client_id is not None:  # every move at a home names its client
            figures = result[(client_id, Month.of(day))]
            setattr(figures, FIGURE_OF_KIND[kind], getattr(figures, FIGURE_OF_KIND[kind]) + int(units))
    outs = (select(ConsumptionPosting.client_id, ConsumptionPosting.day)
            .where(ConsumptionPosting.shortfall.is_not(None), ConsumptionPosting.day >= first,
                   ConsumptionPosting.day <= last))
    if client_ids is not None:
        outs = outs.where(ConsumptionPosting.client_id.in_(client_ids))
    for client_id, day in session.execute(outs):
        result[(client_id, Month.of(day))].stock_out_days += 1
    return dict(result)


def total(figures: dict[tuple[int, Month], HomeFigures]) -> HomeFigures:
    whole = HomeFigures()
    for one in figures.values():
        whole.add(one)
    return whole


def appliances_over_capacity(session: Session, first: date, last: date) -> list[int]:
    """The home appliances (location ids) that held more litres than their capacity on a
    day first..last: what was there the evening before, less what expired overnight, plus
    the day's arrivals (before the day's meals: the fullest the appliance gets)."""
    litres = StockMove.quantity * DishVariant.volume_l
    volume = (select(StockMove.to_location_id, StockMove.from_location_id, StockMove.kind, StockMove.moved_on,
                     func.sum(litres))
              .join(Lot, Lot.id == StockMove.lot_id).join(DishVariant, DishVariant.id == Lot.variant_id)
              .join(Location, Location.id == func.coalesce(StockMove.to_location_id, StockMove.from_location_id))
              .where(Location.kind == "home", Location.capacity_l.is_not(None), StockMove.moved_on <= last)
              .group_by(StockMove.to_location_id, StockMove.from_location_id, StockMove.kind, StockMove.moved_on))
    capacity = {location: litres for location, litres in session.execute(select(Location.id, Location.capacity_l)
                .where(Location.kind == "home")) if litres is not None}
    changes: dict[int, dict[date, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0, 0.0]))
    for to_id, from_id, kind, day, litres_moved in session.execute(volume):
        if to_id in capacity:
            changes[to_id][day][0] += litres_moved  # in
        if from_id in capacity:
            changes[from_id][day][1 if kind == "expiry" else 2] += litres_moved  # out overnight / out later
    over = []
    for location, by_day in changes.items():
        held, limit = 0.0, capacity[location]
        for day in sorted(by_day):
            arrived, expired, taken = by_day[day]
            if day >= first and held - expired + arrived > limit + 1e-9:
                over.append(location)
                break
            held += arrived - expired - taken
    return sorted(over)

