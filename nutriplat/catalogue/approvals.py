"""Catalogue changes that wait for a second admin: proposing one, and reading them.
Deciding (approve or reject) is in ``catalogue.decisions``. Every step is audited: the
catalogue holds no personal data, but these changes decide what someone may safely eat."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue import ownership
from nutriplat.catalogue.models import CatalogueChange, Dish
from nutriplat.catalogue.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound

RESOURCE = "catalogue_change"
KINDS = ("revise_variant", "add_variant")
STATUSES = ("pending", "approved", "rejected")


def propose(session: Session, actor: Actor, dish: Dish, kind: str, variant_id: int | None,
            body: dict[str, Any]) -> CatalogueChange:
    """Store the change unapplied, in the caller's transaction."""
    change = CatalogueChange(dish_id=dish.id, kind=kind, variant_id=variant_id, changes=to_json(body),
                             status="pending", proposed_by=actor.user_id, proposed_by_name=actor.username)
    session.add(change)
    session.flush()
    note(session, actor, "propose", change, dish)
    return change


def note(session: Session, actor: Actor, action: str, change: CatalogueChange, dish: Dish) -> None:
    audit.record(session, actor, action, RESOURCE, change.id, detail={
        "dish_id": change.dish_id, "variant_id": change.variant_id, "kind": change.kind,
        "fields": sorted(change.changes)}, organisation_id=dish.owner_organisation_id)


def list_changes(uow: UnitOfWork, actor: Actor, status: str | None) -> list[CatalogueChange]:
    """The changes to dishes the actor may change, oldest first."""
    POLICY.check(actor, "list_changes")
    with uow:
        stmt = select(CatalogueChange).join(Dish, Dish.id == CatalogueChange.dish_id).where(
            ownership.writable_dishes(actor)).order_by(CatalogueChange.id)
        if status is not None:
            stmt = stmt.where(CatalogueChange.status == status)
        return list(uow.session.scalars(stmt))


def get_change(uow: UnitOfWork, actor: Actor, change_id: int) -> CatalogueChange:
    POLICY.check(actor, "get_change")
    with uow:
        return load(uow.session, actor, change_id)[0]


def load(session: Session, actor: Actor, change_id: int) -> tuple[CatalogueChange, Dish]:
    """The change and its dish; 404 when the actor may not change that dish."""
    change = session.get(CatalogueChange, change_id)
    dish = session.get(Dish, change.dish_id) if change is not None else None
    if change is None or dish is None or not ownership.may_write(actor, dish):
        raise NotFound(f"No catalogue change {change_id}.")
    return change, dish


def to_json(body: dict[str, Any]) -> dict[str, Any]:
    """Money as text: a JSON column holds no Decimal, and a float would lose cents."""
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in body.items()}


def from_json(stored: dict[str, Any]) -> dict[str, Any]:
    body = dict(stored)
    if body.get("price_eur") is not None:
        body["price_eur"] = Decimal(body["price_eur"])
    return body
