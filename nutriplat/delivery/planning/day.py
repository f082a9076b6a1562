"""A depot's delivery day as stops: one per client with open orders (planned or picked)
or an equipment install or collection or a recall's pick-up due from that warehouse, with the litres per
storage class, the client's window and service time (longer by each install or
collection), who drove there last, and the van the goods are already picked onto; and one
stop per care facility site with ward orders (``facility_stops``)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.delivery.domain.day_seconds import seconds_of
from nutriplat.delivery.domain.demand import demand_of
from nutriplat.delivery.models import (
    ClientWindow,
    DeliveryOrder,
    DeliveryOrderLine,
    PlannedRoute,
    PlannedStop,
    RoutePlan,
)
from nutriplat.delivery.planning.facility_stops import facility_stops
from nutriplat.delivery.recall_pickups import due_pickups
from nutriplat.delivery.vocabulary import DEFAULT_SERVICE_MINUTES, OPEN_ORDER_STATUSES, PICKUP_SERVICE_MINUTES
from nutriplat.delivery.windows import weekday_windows, window_on
from nutriplat.equipment.models import AssetTask
from nutriplat.equipment.tasks import due_tasks, van_space
from nutriplat.equipment.vocabulary import TASK_SERVICE_MINUTES
from nutriplat.errors import ErrorCollector


def day_stops(session: Session, organisation_id: int, warehouse_id: int, day: date, van_ids: set[int],
              errors: ErrorCollector, skip_clients: frozenset[int] = frozenset(),
              skip_sites: frozenset[int] = frozenset()) -> list[PlannedStop]:
    """New (unsaved) stops of the day; clients without coordinates are named in ``errors``."""
    orders = list(session.scalars(select(DeliveryOrder).where(
        DeliveryOrder.organisation_id == organisation_id, DeliveryOrder.warehouse_id == warehouse_id,
        DeliveryOrder.delivery_date == day, DeliveryOrder.status.in_(OPEN_ORDER_STATUSES),
        DeliveryOrder.ward_id.is_(None),  # ward orders: their site's stop
        DeliveryOrder.client_id.not_in(skip_clients)).order_by(DeliveryOrder.client_id, DeliveryOrder.id)))
    by_client: dict[int, list[DeliveryOrder]] = defaultdict(list)
    for order in orders:
        by_client[order.client_id].append(order)
    tasks: dict[int, list[AssetTask]] = defaultdict(list)
    for task in due_tasks(session, organisation_id, warehouse_id, day):
        if task.client_id not in skip_clients:
            tasks[task.client_id].append(task)
            by_client.setdefault(task.client_id, [])
    pickups: dict[int, list[int]] = defaultdict(list)
    for pickup in due_pickups(session, organisation_id, warehouse_id, day):
        if pickup.client_id not in skip_clients:
            pickups[pickup.client_id].append(pickup.id)
            by_client.setdefault(pickup.client_id, [])
    clients = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(by_client)))}
    windows = {w.client_id: w for w in session.scalars(select(ClientWindow).where(
        ClientWindow.client_id.in_(by_client)))}
    own_days = weekday_windows(session, set(by_client))
    volumes = _volumes(session, [o.id for o in orders])
    last = last_drivers(session, set(by_client), day)
    stops = []
    for client_id, client_orders in by_client.items():
        client = clients[client_id]
        if client.lat is None or client.lon is None:
            errors.add("clients", f"Client {client.id} ({client.given_name} {client.family_name}) has no "
                                  "coordinates; set the client's location first.")
            continue
        window = windows.get(client_id)
        start, end = window_on(day, window, own_days.get(client_id, {}))
        need = demand_of(line for o in client_orders for line in volumes[o.id])
        asset_l, asset_kg = van_space(session, tasks[client_id])  # a freezer to install or collect
        picked = next((o.vehicle_id for o in client_orders if o.status == "picked" and o.vehicle_id in van_ids), None)
        stops.append(PlannedStop(
            client_id=client_id, order_ids=[o.id for o in client_orders], lat=client.lat, lon=client.lon,
            demand_litres=need.litres + asset_l, demand_kg=need.kg + asset_kg, frozen_litres=need.frozen_l,
            chilled_litres=need.chilled_l,
            window_start_s=seconds_of(start), window_end_s=seconds_of(end),
            task_ids=[t.id for t in tasks[client_id]], pickup_ids=pickups[client_id],
            service_s=60 * ((window.service_minutes if window else DEFAULT_SERVICE_MINUTES)
                            + sum(TASK_SERVICE_MINUTES[t.kind] for t in tasks[client_id])
                            + PICKUP_SERVICE_MINUTES * len(pickups[client_id])),
            last_driver_id=last.get(client_id), pinned_van_id=picked))
    sites = facility_stops(session, organisation_id, warehouse_id, day, van_ids,
                           lambda ids: _volumes(session, ids), skip_sites)
    return stops + sites


def _volumes(session: Session, order_ids: list[int]) -> dict[int, list[tuple[str, float, int]]]:
    """Per order, its lines as (storage class, litres per unit, quantity)."""
    rows = session.execute(select(DeliveryOrderLine.order_id, DishVariant.storage_class, DishVariant.volume_l,
                                  DeliveryOrderLine.quantity)
                           .join(DishVariant, DishVariant.id == DeliveryOrderLine.variant_id)
                           .where(DeliveryOrderLine.order_id.in_(order_ids)))
    volumes: dict[int, list[tuple[str, float, int]]] = defaultdict(list)
    for order_id, storage_class, volume_l, quantity in rows:
        volumes[order_id].append((storage_class, volume_l, quantity))
    return volumes


def last_drivers(session: Session, client_ids: set[int], before: date) -> dict[int, int]:
    """Who drove each client's last published delivery before ``before``."""
    rows = session.execute(select(PlannedStop.client_id, PlannedRoute.driver_id)
                           .join(PlannedRoute, PlannedRoute.id == PlannedStop.route_id)
                           .join(RoutePlan, RoutePlan.id == PlannedStop.plan_id)
                           .where(PlannedStop.client_id.in_(client_ids), RoutePlan.published_at.is_not(None),
                                  RoutePlan.delivery_date < before, PlannedRoute.driver_id.is_not(None))
                           .order_by(RoutePlan.delivery_date, RoutePlan.id))
    last: dict[int, Any] = {}
    for client_id, driver_id in rows:
        last[client_id or 0] = driver_id  # later rows overwrite: the most recent wins
    return last
