"""What the logistics views share: the delivery day they default to, and the
organisation's warehouses and vans by name (never homes: those name people)."""
from __future__ import annotations

from datetime import date, timedelta

from nutriplat.clock import business_today
from nutriplat.inventory import locations
from nutriplat.inventory.models import Location
from nutriplat.web import actor, uow


def tomorrow() -> date:
    """Planners work a day ahead: the delivery orders and routes of tomorrow."""
    return business_today() + timedelta(days=1)


def sites() -> list[Location]:
    return [site for kind in ("warehouse", "vehicle")
            for site in locations.list_locations(uow(), actor(), {"kind": kind})]


def site_names() -> dict[int, str]:
    return {site.id: site.name for site in sites()}
