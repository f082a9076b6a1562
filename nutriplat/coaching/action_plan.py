"""Use cases: the client's action plan — every action agreed in the sessions held, open
ones first by due date — and ticking one off (the dietitian, or a caregiver with the
mandate's 'record' scope)."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import now
from nutriplat.coaching.models import CoachingAction
from nutriplat.coaching.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound

RESOURCE = "coaching_action"


def read_plan(uow: UnitOfWork, actor: Actor, client_id: int) -> list[CoachingAction]:
    POLICY.check(actor, "read_action_plan")
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        actions = list(uow.session.scalars(select(CoachingAction).where(CoachingAction.client_id == client.id)
                                           .order_by(CoachingAction.due_on, CoachingAction.id)))
        actions.sort(key=lambda a: a.done_at is not None)  # open first, each part by due date
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return actions


def tick_off(uow: UnitOfWork, actor: Actor, client_id: int, action_id: int) -> CoachingAction:
    POLICY.check(actor, "tick_off_action")
    with uow:
        client = load_client(uow.session, actor, client_id, "record")
        action = uow.session.get(CoachingAction, action_id)
        if action is None or action.client_id != client.id:
            raise NotFound(f"No action {action_id}.")
        if action.done_at is None:  # ticking it off again keeps the first tick
            action.done_at, action.done_by = now(), actor.user_id
            audit.record(uow.session, actor, "tick_off", RESOURCE, action.id, client.id,
                         organisation_id=client.organisation_id)
        uow.commit()
        return action
