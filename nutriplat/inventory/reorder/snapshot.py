"""What home reordering knows about a group of clients, read in a few set-based queries
(a run covers thousands of clients) and turned into the pure rules' plain values."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain import HomeItem
from nutriplat.inventory.domain.safety import refusal
from nutriplat.inventory.domain.units import units_per_day
from nutriplat.inventory.models import DeliverySchedule, Location, Lot, StockBalance
from nutriplat.inventory.products import ProductInfo
from nutriplat.inventory.reorder.intake import usual_slots_by_client
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem


@dataclass(frozen=True)
class HeldLot:
    location_id: int
    lot_id: int
    variant_id: int
    expiry_date: date
    quantity: int


@dataclass(frozen=True)
class PlannedItem:
    slot: str
    product: Product
    portions: float


@dataclass(frozen=True)
class ClientFacts:
    """What reordering reads of the client record (named as on ``Client``)."""

    id: int
    organisation_id: int
    status: str
    care_setting: str
    iddsi_food_level: str
    iddsi_drink_level: str
    allergies: tuple[str, ...]


@dataclass(frozen=True)
class OpenLine:
    dish_id: int
    texture: str
    variant_id: int
    quantity: int


@dataclass
class OpenOrder:
    """A delivery order not delivered yet (planned or picked)."""

    id: int
    delivery_date: date
    status: str
    lines: list[OpenLine] = field(default_factory=list)


@dataclass
class ClientState:
    client: ClientFacts
    schedule: DeliverySchedule | None = None
    homes: list[Location] = field(default_factory=list)
    held: dict[Product, list[HeldLot]] = field(default_factory=lambda: defaultdict(list))
    plan: dict[date, list[PlannedItem]] = field(default_factory=lambda: defaultdict(list))
    orders: list[OpenOrder] = field(default_factory=list)  # planned or picked (added by delivery)
    usual: frozenset[str] | None = None  # the meal slots the client usually eats (None: the whole plan)

    @property
    def at_home(self) -> bool:
        return self.client.status == "active" and self.client.care_setting == "home"

    def consumption(self, start: date, end: date) -> dict[date, dict[Product, int]]:
        """What the client will eat: the plan's items in the slots they usually eat."""
        return units_per_day((day, item.product, item.portions) for day, items in self.plan.items()
                             if start <= day < end for item in items if self.usual is None or item.slot in self.usual)

    def incoming(self, today: date) -> dict[date, dict[Product, int]]:
        """Open orders by the day they arrive; an overdue one is taken to arrive today."""
        arriving: dict[date, dict[Product, int]] = defaultdict(lambda: defaultdict(int))
        for order in self.orders:
            for line in order.lines:
                arriving[max(order.delivery_date, today)][(line.dish_id, line.texture)] += line.quantity
        return arriving

    def refusal(self, info: ProductInfo) -> str | None:
        """Why the product cannot be ordered for the client now; None when it can."""
        if info.current_variant_id is None:
            return f"{info.name} is no longer in the catalogue"
        if info.storage_class not in {home.storage_class for home in self.homes}:
            return f"the client has no home storage for {info.storage_class} food"
        c = self.client
        return refusal(info.product[1], info.allergens, c.iddsi_food_level, c.iddsi_drink_level, c.allergies or ())

    def items(self, today: date, catalogue: dict[Product, ProductInfo],
              packs: dict[Product, int]) -> dict[Product, HomeItem]:
        products = (set(self.held) | {i.product for items in self.plan.values() for i in items}
                    | {(line.dish_id, line.texture) for order in self.orders for line in order.lines})
        result = {}
        for product in products:
            info = catalogue[product]
            usable = [h for h in self.held.get(product, ()) if h.expiry_date >= today]
            result[product] = HomeItem(
                on_hand=sum(h.quantity for h in usable), pack_size=packs.get(product, 1), volume_l=info.volume_l,
                allowed=self.refusal(info) is None, storage=info.storage_class,
                expiring=tuple((h.expiry_date, h.quantity) for h in usable), shelf_life_days=info.shelf_life_days)
        return result

    def capacity(self) -> dict[str, float | None]:
        return {home.storage_class: home.capacity_l for home in self.homes if home.storage_class}


def load(session: Session, client_ids: list[int], start: date, end: date,
         catalogue: dict[Product, ProductInfo], lock: bool = False,
         today: date | None = None) -> dict[int, ClientState]:
    """The clients' state, with their approved plans for start..end-1 (stocked products
    only) and, given ``today``, the meal slots they usually ate before it. ``lock``: hold
    their schedule rows, so two runs never order for one client.
    Their open delivery orders are the delivery area's to add
    (``delivery.open_orders.add_open_orders``): inventory reads no delivery order."""
    states = {row.id: ClientState(ClientFacts(*row[:6], tuple(row.allergies or ()))) for row in session.execute(
        select(Client.id, Client.organisation_id, Client.status, Client.care_setting, Client.iddsi_food_level,
               Client.iddsi_drink_level, Client.allergies).where(Client.id.in_(client_ids)))}
    schedules = select(DeliverySchedule).where(DeliverySchedule.client_id.in_(client_ids))
    if lock:
        schedules = schedules.order_by(DeliverySchedule.client_id).with_for_update()
    for schedule in session.scalars(schedules):
        states[schedule.client_id].schedule = schedule
    for home in session.scalars(select(Location).where(Location.client_id.in_(client_ids), Location.active)):
        states[home.client_id].homes.append(home)
    held = session.execute(
        select(Location.client_id, StockBalance.location_id, StockBalance.lot_id, StockBalance.quantity,
               Lot.variant_id, Lot.dish_id, Lot.texture, Lot.expiry_date)
        .join(Location, Location.id == StockBalance.location_id).join(Lot, Lot.id == StockBalance.lot_id)
        # A recalled lot is frozen where it is: not eaten, written off or counted on.
        .where(Location.client_id.in_(client_ids), StockBalance.quantity > 0, Lot.recalled_at.is_(None)))
    for r in held:
        states[r.client_id].held[(r.dish_id, r.texture)].append(
            HeldLot(r.location_id, r.lot_id, r.variant_id, r.expiry_date, r.quantity))
    planned = session.execute(
        select(MealPlan.client_id, MealPlanDay.date, MealPlanItem.slot, MealPlanItem.portions,
               DishVariant.dish_id, DishVariant.texture)
        .join(MealPlanDay, MealPlanDay.plan_id == MealPlan.id).join(MealPlanItem, MealPlanItem.day_id == MealPlanDay.id)
        .join(DishVariant, DishVariant.id == MealPlanItem.variant_id)
        .where(MealPlan.client_id.in_(client_ids), MealPlan.status == "approved",
               MealPlanDay.date >= start, MealPlanDay.date < end))
    if today is not None:
        for client_id, usual in usual_slots_by_client(session, client_ids, today).items():
            states[client_id].usual = usual
    stocked = {p for p, info in catalogue.items() if info.stocked}
    for row in planned:
        product = (row.dish_id, row.texture)
        if product in stocked:
            states[row.client_id].plan[row.date].append(PlannedItem(row.slot, product, row.portions))
    return states


def horizon(today: date, days: int = 21) -> tuple[date, date]:
    return today, today + timedelta(days=days)
