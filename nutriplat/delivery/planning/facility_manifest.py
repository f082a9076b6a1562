"""A facility stop on the driver's manifest: the site's name and address, and its crates
per ward — what each crate holds summed per dish and lot, never the residents' names
(the ward staff read those on the tray list)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.delivery.models import DeliveryOrder, PlannedStop
from nutriplat.delivery.planning.views import stop_view
from nutriplat.facilities.models import Site, Ward

_KEYS = ("id", "sequence", "eta", "window", "order_ids", "task_ids", "pickup_ids", "frozen_litres",
         "chilled_litres", "outcome", "site_id")


def site_stop(session: Session, day: date, stop: PlannedStop, items: list[dict[str, Any]]) -> dict[str, Any]:
    """``items`` are the manifest's lines of the stop's ward orders (``manifest._items``)."""
    site = session.get_one(Site, stop.site_id)
    facility = session.get_one(Organisation, site.facility_id)
    ward_of = dict(session.execute(select(DeliveryOrder.id, Ward.id).join(Ward, Ward.id == DeliveryOrder.ward_id)
                                   .where(DeliveryOrder.id.in_(stop.order_ids))).all())
    names = dict(session.execute(select(Ward.id, Ward.name).where(Ward.id.in_(set(ward_of.values())))).all())
    crates: list[dict[str, Any]] = [
        {"ward_id": ward_id, "ward": names[ward_id],
         "items": _summed([i for i in items if ward_of.get(i["order_id"]) == ward_id])}
        for ward_id in sorted(set(ward_of.values()), key=lambda w: names[w])]
    view = stop_view(day, stop)
    return {key: view[key] for key in _KEYS} | {
        "client_id": None, "name": f"{facility.name} — {site.name}", "facility_name": facility.name,
        "site_name": site.name, "phone": None,
        "address": {"street": site.street, "postal_code": site.postal_code, "city": site.city},
        "location": {"lat": stop.lat, "lon": stop.lon}, "access_notes": None, "texture": {}, "allergies": [],
        "items": [i for crate in crates for i in crate["items"]], "crates": crates,
        "allergens_on_board": sorted({str(a) for i in items for a in i["allergens"]})}


def _summed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A crate's trays per dish variant and lot: the quantities and litres added up."""
    summed: dict[tuple[int, int | None], dict[str, Any]] = {}
    for item in items:
        key = (item["variant_id"], item["lot_id"])
        if key in summed:
            summed[key]["quantity"] += item["quantity"]
            summed[key]["litres"] = round(summed[key]["litres"] + item["litres"], 3)
        else:
            summed[key] = dict(item)
    return sorted(summed.values(), key=lambda i: (i["dish"], i["lot_id"] or 0))
