"""Names behind the ids the inventory and delivery services return (no Flask here):
products and organisations are not personal data; client names are read
through ``clients.access`` and audited (``dietitian.worklists.client_names``)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.db import UnitOfWork

# A lot this close to its expiry date is flagged on the stock page: picking takes it
# first (first-expiry-first-out), but a planner should see it coming.
EXPIRY_WARNING_DAYS = 3


def expiry_state(expiry: date, today: date) -> str | None:
    """The lot is "expired", expires "soon" (within EXPIRY_WARNING_DAYS), or None."""
    if expiry < today:
        return "expired"
    return "soon" if expiry <= today + timedelta(days=EXPIRY_WARNING_DAYS) else None


def variant_names(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, str]:
    return _names(uow, DishVariant.id, DishVariant.name, ids)


def dish_names(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, str]:
    return _names(uow, Dish.id, Dish.name, ids)


def organisation_names(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, str]:
    return _names(uow, Organisation.id, Organisation.name, ids)


def _names(uow: UnitOfWork, key: Any, name: Any, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    with uow:
        return dict(uow.session.execute(select(key, name).where(key.in_(wanted))).all())
