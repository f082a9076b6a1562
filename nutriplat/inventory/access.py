"""What the inventory services share: whose stock it is, finding locations, lots and
variants by id with errors naming the field, and the product key of a variant."""
from __future__ import annotations

from typing import Any, TypeVarTuple

from sqlalchemy import Select
from sqlalchemy.orm import Session

from nutriplat.access import owned
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.errors import ErrorCollector, Forbidden
from nutriplat.inventory.models import Location, Lot

Product = tuple[int, str]  # (dish id, texture): the versions of one variant are one product
Columns = TypeVarTuple("Columns")


def provider_of(actor: Actor) -> int:
    """Stock belongs to a provider organisation: the caller's."""
    if actor.organisation_id is None:
        raise Forbidden("Stock belongs to a provider organisation; you have none.")
    return actor.organisation_id


def scoped(stmt: Select[*Columns], column: Any, actor: Actor) -> Select[*Columns]:
    """A platform administrator sees every organisation's stock; others their own."""
    return stmt if actor.is_platform_admin else stmt.where(column == actor.organisation_id)


def check_location(session: Session, actor: Actor, location_id: int | None, errors: ErrorCollector,
                   field: str, kinds: tuple[str, ...] | None = None) -> Location | None:
    if location_id is None:
        return None
    location = owned(session, Location, location_id, actor)
    if location is None:
        errors.add(field, f"No location {location_id}.")
    elif not location.active:
        errors.add(field, f"Location {location_id} ({location.name}) is no longer in use.")
    elif kinds is not None and location.kind not in kinds:
        errors.add(field, f"Location {location_id} is a {location.kind}; this needs a {' or a '.join(kinds)}.")
    else:
        return location
    return None


def check_lot(session: Session, actor: Actor, lot_id: int | None, errors: ErrorCollector,
              field: str = "lot_id") -> Lot | None:
    if lot_id is None:
        return None
    lot = owned(session, Lot, lot_id, actor)
    if lot is None:
        errors.add(field, f"No lot {lot_id}.")
    elif lot.recalled_at is not None:  # frozen in place: only the recall's accounting moves it
        errors.add(field, f"Lot {lot_id} is recalled: its stock stays where it is until the recall accounts for it.")
    return lot


def check_variant(session: Session, variant_id: int | None, errors: ErrorCollector,
                  field: str = "variant_id") -> DishVariant | None:
    if variant_id is None:
        return None
    variant = session.get(DishVariant, variant_id)
    if variant is None:
        errors.add(field, f"No dish variant {variant_id}.")
    return variant


def product_of(variant: DishVariant | Lot) -> Product:
    return (variant.dish_id, variant.texture)


def home_client(session: Session, actor: Actor, location: Location, scope: str = "view") -> Client | None:
    """The client whose home this is, checked against the caller's access to them."""
    return None if location.client_id is None else load_client(session, actor, location.client_id, scope)
