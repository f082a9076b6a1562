"""The diet profile: the client record's prescription, allergies, dislikes and preparation
mode, plus what only planning needs (stored in ``diet_profiles``), plus the targets."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput
from nutriplat.mealplans.domain import Profile
from nutriplat.mealplans.models import DietProfile
from nutriplat.mealplans.policy import POLICY
from nutriplat.screening.targets_in_force import targets_for

RESOURCE = "diet_profile"
DEFAULT_SLOTS = Profile().slots
STORED = ("preferences", "slots", "appetite_factor", "weekly_budget_eur", "allow_supplements",
          "max_supplements_per_day")


def domain_profile(session: Session, client: Client) -> Profile:
    stored = session.get(DietProfile, client.id)
    return Profile(
        food_level=client.iddsi_food_level, drink_level=client.iddsi_drink_level,
        allergies=frozenset(client.allergies or ()), dislikes=tuple(client.dislikes or ()),
        preparation_mode=client.preparation_mode,
        **({} if stored is None else {
            "preferences": tuple(stored.preferences), "slots": tuple(stored.slots) or DEFAULT_SLOTS,
            "appetite_factor": stored.appetite_factor, "weekly_budget_eur": stored.weekly_budget_eur,
            "allow_supplements": stored.allow_supplements,
            "max_supplements_per_day": stored.max_supplements_per_day}))


def as_dict(profile: Profile) -> dict[str, Any]:
    """Plain JSON values (a plan keeps the profile it was made for)."""
    values = asdict(profile)
    values["allergies"] = sorted(profile.allergies)
    values["weekly_budget_eur"] = (None if profile.weekly_budget_eur is None
                                   else f"{profile.weekly_budget_eur:.2f}")
    return values


def get_profile(uow: UnitOfWork, actor: Actor, client_id: int, on: date | None = None) -> dict[str, Any]:
    POLICY.check(actor, "get_profile")
    with uow:
        client = load_client(uow.session, actor, client_id)
        view = _view(uow.session, client, on or business_today())
        audit.record(uow.session, actor, "read", RESOURCE, client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return view


def put_profile(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "put_profile")
    with uow:
        client = load_client(uow.session, actor, client_id)
        stored = uow.session.get(DietProfile, client.id) or DietProfile(client_id=client.id)
        for key in STORED:  # PUT: the schema fills in the defaults of absent fields
            setattr(stored, key, data[key])
        stored.updated_by = actor.user_id
        uow.session.add(stored)
        uow.session.flush()
        audit.record(uow.session, actor, "update", RESOURCE, client.id, client.id,
                     detail={"fields": sorted(data)}, organisation_id=client.organisation_id)
        view = _view(uow.session, client, business_today())
        uow.commit()
        return view


def _view(session: Session, client: Client, on: date) -> dict[str, Any]:
    view: dict[str, Any] = {"client_id": client.id, **as_dict(domain_profile(session, client)),
                            "targets": None, "targets_unavailable": None, "targets_on": on}
    try:
        view["targets"] = targets_for(session, client, on).effective()
    except InvalidInput as missing:
        # A profile is still worth showing before the first weight is measured.
        view["targets_unavailable"] = " ".join(r for reasons in missing.errors.values() for r in reasons)
    return view
