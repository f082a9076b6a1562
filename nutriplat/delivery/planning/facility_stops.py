"""A depot's delivery day at care facilities: one stop per facility site with ward orders
leaving that depot (planned or picked), at the site's coordinates, in the receiving window
of the facility's service agreement and with its unloading time, carrying the litres of
every ward's crates and a recall's collect lines at its wards (a stop of its own when no
crate comes that day). Home stops are made beside them (``planning.day``)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.delivery.domain.day_seconds import seconds_of
from nutriplat.delivery.domain.demand import demand_of
from nutriplat.delivery.models import DeliveryOrder, PlannedStop
from nutriplat.delivery.recall_pickups import due_pickups
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES, PICKUP_SERVICE_MINUTES
from nutriplat.facilities.agreements import agreements_in_force
from nutriplat.facilities.models import ServiceAgreement, Site, Ward
from nutriplat.facilities.vocabulary import DEFAULT_RECEIVING, DEFAULT_UNLOADING_MINUTES
from nutriplat.inventory.models import Location


def facility_stops(session: Session, organisation_id: int, warehouse_id: int, day: date, van_ids: set[int],
                   volumes_of: Callable[[list[int]], dict[int, list[tuple[str, float, int]]]],
                   skip_sites: frozenset[int] = frozenset()) -> list[PlannedStop]:
    """New (unsaved) stops of the day's ward orders; ``volumes_of`` gives the orders' lines
    as (storage class, litres per unit, quantity) by order id."""
    rows = session.execute(select(DeliveryOrder, Ward.site_id).join(Ward, Ward.id == DeliveryOrder.ward_id).where(
        DeliveryOrder.organisation_id == organisation_id, DeliveryOrder.warehouse_id == warehouse_id,
        DeliveryOrder.delivery_date == day, DeliveryOrder.status.in_(OPEN_ORDER_STATUSES),
        Ward.site_id.not_in(skip_sites)).order_by(Ward.site_id, DeliveryOrder.id)).all()
    by_site: dict[int, list[DeliveryOrder]] = defaultdict(list)
    for order, site_id in rows:
        by_site[site_id].append(order)
    pickups = _ward_pickups(session, organisation_id, warehouse_id, day, skip_sites)
    for site_id in pickups:  # a recall's collect lines alone make a stop too
        by_site.setdefault(site_id, [])
    sites = {s.id: s for s in session.scalars(select(Site).where(Site.id.in_(by_site)))}
    volumes = volumes_of([order.id for order, _site in rows])
    in_force = [a for a in agreements_in_force(session, day) if a.organisation_id == organisation_id]
    stops = []
    for site_id, orders in by_site.items():
        wards = {o.ward_id for o in orders} | {ward_id for ward_id, _ in pickups.get(site_id, [])}
        agreements = [a for a in in_force if wards & set(a.ward_ids)]
        opens, closes, unloading = receiving(agreements)
        need = demand_of(line for o in orders for line in volumes[o.id])
        picked = next((o.vehicle_id for o in orders if o.status == "picked" and o.vehicle_id in van_ids), None)
        stops.append(PlannedStop(
            client_id=None, site_id=site_id, order_ids=[o.id for o in orders], lat=sites[site_id].lat,
            lon=sites[site_id].lon, demand_litres=need.litres, demand_kg=need.kg, frozen_litres=need.frozen_l,
            chilled_litres=need.chilled_l, window_start_s=opens, window_end_s=closes, task_ids=[],
            pickup_ids=[pickup_id for _, pickup_id in pickups.get(site_id, [])],
            service_s=60 * (unloading + PICKUP_SERVICE_MINUTES * bool(pickups.get(site_id))),
            last_driver_id=None, pinned_van_id=picked))
    return stops


def _ward_pickups(session: Session, organisation_id: int, warehouse_id: int, day: date,
                  skip_sites: frozenset[int]) -> dict[int, list[tuple[int, int]]]:
    """The day's recall pick-ups at wards' stock, as (ward, pick-up) by site."""
    found = due_pickups(session, organisation_id, warehouse_id, day, at_wards=True)
    wards = dict(session.execute(select(Location.id, Ward.id).join(Ward, Ward.id == Location.ward_id).where(
        Location.id.in_({p.location_id for p in found}))).all())
    sites = dict(session.execute(select(Ward.id, Ward.site_id).where(Ward.id.in_(set(wards.values())))).all())
    by_site: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pickup in found:
        site_id = sites[wards[pickup.location_id]]
        if site_id not in skip_sites:
            by_site[site_id].append((wards[pickup.location_id], pickup.id))
    return by_site


def receiving(agreements: list[ServiceAgreement]) -> tuple[int, int, int]:
    """The site's window (seconds of the day) and unloading minutes: where several
    agreements meet at one site, the window all of them allow and the longest unloading;
    the whole default day (07:00–11:00, 20 minutes) when none is in force any more."""
    if not agreements:
        return seconds_of(DEFAULT_RECEIVING[0]), seconds_of(DEFAULT_RECEIVING[1]), DEFAULT_UNLOADING_MINUTES
    opens = max(seconds_of(a.window_opens) for a in agreements)
    closes = min(seconds_of(a.window_closes) for a in agreements)
    if closes <= opens:  # windows that do not meet: the first agreement's
        opens, closes = seconds_of(agreements[0].window_opens), seconds_of(agreements[0].window_closes)
    return opens, closes, max(a.unloading_minutes for a in agreements)
