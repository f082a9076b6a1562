"""Who received a lot, for a recall (``GET /lots/{id}/recipients``): each home it was
delivered to (``kind`` ``home``: the client, per delivery day, and what is still at home),
and each ward whose crate carried it (``kind`` ``ward``: the facility, its site, the ward,
the residents whose trays drew on the lot, and what is still at the ward)."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.facilities.models import Site, Ward
from nutriplat.inventory.lots import deliveries
from nutriplat.inventory.models import Location, Lot, StockBalance, StockMove
from nutriplat.inventory.policy import POLICY


def recipients(uow: UnitOfWork, actor: Actor, lot_id: int) -> list[dict[str, Any]]:
    """Homes first (by day), then the wards' crates (by day and ward)."""
    POLICY.check(actor, "recipients")
    with uow:
        session = uow.session
        lot = load_owned(session, Lot, lot_id, actor, "lot")
        rows = deliveries(session, StockMove.lot_id == lot.id)
        clients = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_({r.client_id for r in rows})))}
        held = _held(session, lot.id)
        homes = [_home_entry(r, clients[r.client_id], held.get(("home", r.client_id), 0))
                 for r in rows if r.ward_id is None]
        wards = _ward_entries(session, [r for r in rows if r.ward_id is not None], clients, held)
        audit.record_reads(session, actor, "lot_recipient", {(c.id, c.organisation_id) for c in clients.values()})
        uow.commit()
        return homes + wards


def _home_entry(row: Any, client: Client, at_home: int) -> dict[str, Any]:
    return {"kind": "home", "setting": "home", "client_id": client.id, "given_name": client.given_name,
            "family_name": client.family_name, "phone": client.phone, "delivered_on": row.moved_on,
            "quantity": row.quantity, "delivery_order_id": row.delivery_order_id, "at_home_now": at_home}


def _ward_entries(session: Session, rows: list[Any], clients: dict[int, Client],
                  held: dict[tuple[str, int | None], int]) -> list[dict[str, Any]]:
    """One entry per ward crate (ward, day, order), its residents with their units."""
    crates: dict[tuple[int, Any, int | None], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        crates[(r.ward_id, r.moved_on, r.delivery_order_id)][r.client_id] += r.quantity
    places = {ward.id: (ward, site, facility_name) for ward, site, facility_name in session.execute(
        select(Ward, Site, Organisation.name).join(Site, Site.id == Ward.site_id)
        .join(Organisation, Organisation.id == Ward.facility_id)
        .where(Ward.id.in_({ward_id for ward_id, _, _ in crates})))}
    entries = []
    for (ward_id, day, order_id), units in sorted(crates.items(), key=lambda c: (c[0][1], c[0][0], c[0][2] or 0)):
        ward, site, facility_name = places[ward_id]
        entries.append({
            "kind": "ward", "setting": ward.setting, "facility_id": ward.facility_id, "facility_name": facility_name,
            "site_id": site.id, "site_name": site.name, "ward_id": ward.id, "ward_name": ward.name,
            "delivered_on": day, "delivery_order_id": order_id, "quantity": sum(units.values()),
            "at_ward_now": held.get(("ward", ward.id), 0),
            "residents": [{"client_id": client_id, "given_name": clients[client_id].given_name,
                           "family_name": clients[client_id].family_name, "room": clients[client_id].room,
                           "quantity": quantity} for client_id, quantity in sorted(units.items())]})
    return entries


def _held(session: Session, lot_id: int) -> dict[tuple[str, int | None], int]:
    """Units of the lot still in each home (by client) and each ward (by ward)."""
    held: dict[tuple[str, int | None], int] = defaultdict(int)
    for client_id, ward_id, units in session.execute(
            select(Location.client_id, Location.ward_id, func.sum(StockBalance.quantity))
            .join(Location, Location.id == StockBalance.location_id)
            .where(StockBalance.lot_id == lot_id, (Location.client_id.is_not(None)) | (Location.ward_id.is_not(None)))
            .group_by(Location.client_id, Location.ward_id)):
        held[("home", client_id) if client_id is not None else ("ward", ward_id)] += units
    return held
