"""Use cases on alert routes: who is told of each early-warning rule, the provider's own
choice or the default (``domain.DEFAULT_ROUTES``); the admin sets them."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.careteam import domain
from nutriplat.careteam.domain.routing import route_for
from nutriplat.careteam.models import AlertRoute
from nutriplat.careteam.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Forbidden, InvalidInput
from nutriplat.monitoring.rules import RULES


def routes_of(session: Session, organisation_id: int) -> dict[str, list[str]]:
    """The provider's own routes, by rule."""
    return {r.rule: list(r.recipients) for r in session.scalars(
        select(AlertRoute).where(AlertRoute.organisation_id == organisation_id))}


def list_routes(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_routes")
    with uow:
        own = routes_of(uow.session, actor.organisation_id) if actor.organisation_id is not None else {}
        return [{"rule": rule, "recipients": list(route_for(rule, own)), "custom": rule in own} for rule in RULES]


def set_route(uow: UnitOfWork, actor: Actor, rule: str, recipients: Sequence[str]) -> dict[str, Any]:
    POLICY.check(actor, "set_route")
    if actor.organisation_id is None:
        raise Forbidden("Routes are a provider's; sign in as its admin.")
    errors = domain.route_errors(rule, list(recipients), RULES)
    if errors:
        raise InvalidInput("The route has invalid values.", errors)
    with uow:
        route = uow.session.scalar(select(AlertRoute).where(
            AlertRoute.organisation_id == actor.organisation_id, AlertRoute.rule == rule))
        if route is None:
            route = AlertRoute(organisation_id=actor.organisation_id, rule=rule, recipients=[])
            uow.session.add(route)
        route.recipients, route.updated_by = list(recipients), actor.user_id
        uow.session.flush()
        audit.record(uow.session, actor, "update", "alert_route", route.id, detail={"rule": rule,
                                                                                  "recipients": list(recipients)})
        uow.commit(conflict="The route was changed at the same time; try again.")
        return {"rule": rule, "recipients": list(recipients), "custom": True}
