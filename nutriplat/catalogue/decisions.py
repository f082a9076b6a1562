"""A second admin decides a proposed catalogue change: approving applies it (a new
texture variant, or the next version of a variant), rejecting closes it. The proposer
may withdraw (reject) their own proposal but never approve it."""
from __future__ import annotations

from nutriplat.auth.actor import Actor
from nutriplat.catalogue import approvals, variants
from nutriplat.catalogue.models import CatalogueChange, Dish, DishVariant
from nutriplat.catalogue.policy import POLICY
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, Forbidden


def approve(uow: UnitOfWork, actor: Actor, change_id: int) -> CatalogueChange:
    POLICY.check(actor, "approve")
    with uow:
        change, dish = _open(uow, actor, change_id)
        if change.proposed_by == actor.user_id:
            raise Forbidden("A second admin approves a change; you proposed this one.")
        body = approvals.from_json(change.changes)
        # The change is made on the proposer's behalf: the new row names its author.
        author = Actor(change.proposed_by, change.proposed_by_name, actor.role, actor.organisation_id)
        if change.kind == "add_variant":
            variants.texture_is_free(dish, body)
            made = variants.offer_texture(uow.session, author, dish, body)
        else:
            made = variants.write_revision(uow.session, author, _still_current(uow, change), body)
        flush_or_conflict(uow.session, "Someone else changed this variant at the same time; reload and retry.")
        _decide(uow, actor, change, dish, "approved", None)
        change.result_variant_id = made.id
        uow.commit()
        return change


def reject(uow: UnitOfWork, actor: Actor, change_id: int, note: str | None) -> CatalogueChange:
    POLICY.check(actor, "reject")
    with uow:
        change, dish = _open(uow, actor, change_id)
        _decide(uow, actor, change, dish, "rejected", note)
        uow.commit()
        return change


def _open(uow: UnitOfWork, actor: Actor, change_id: int) -> tuple[CatalogueChange, Dish]:
    change, dish = approvals.load(uow.session, actor, change_id)
    if change.status != "pending":
        raise Conflict(f"The change is already {change.status}.", {"status": [change.status]})
    return change, dish


def _still_current(uow: UnitOfWork, change: CatalogueChange) -> DishVariant:
    try:
        return variants.current(uow.session, change.variant_id or 0)
    except Conflict as stale:
        raise Conflict(f"{stale.message} The change was proposed for an older version; "
                       "reject it and propose it again.") from None


def _decide(uow: UnitOfWork, actor: Actor, change: CatalogueChange, dish: Dish, status: str,
            note: str | None) -> None:
    change.status, change.note, change.decided_at = status, note, utcnow()
    change.decided_by, change.decided_by_name = actor.user_id, actor.username
    approvals.note(uow.session, actor, "approve" if status == "approved" else "reject", change, dish)
