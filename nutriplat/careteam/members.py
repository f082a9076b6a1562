"""Use cases on a client's care team: who is in it, adding a member with the client's
consent, and withdrawing that consent (the member is told of no later alert; what they
were told stays in their inbox). Members are never deleted."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.careteam.models import CareTeamMember
from nutriplat.careteam.policy import POLICY
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound

RESOURCE = "care_team_member"
# The role a member of each kind has: the GP, home nurse and facility sign in as users of
# their (referrer) organisation; a caregiver as a caregiver.
KIND_ROLES = {"gp": (roles.REFERRER,), "home_nurse": (roles.REFERRER,), "facility": (roles.REFERRER,),
              "caregiver": (roles.CAREGIVER,)}


def list_members(uow: UnitOfWork, actor: Actor, client_id: int) -> list[CareTeamMember]:
    POLICY.check(actor, "list_members")
    with uow:
        client = load_client(uow.session, actor, client_id)
        members = list(uow.session.scalars(select(CareTeamMember).where(CareTeamMember.client_id == client.id)
                                           .order_by(CareTeamMember.id)))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return members


def add_member(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CareTeamMember:
    """``consent`` must be true: the client agreed that this person is told of their alerts."""
    POLICY.check(actor, "add_member")
    with uow:
        client = load_client(uow.session, actor, client_id)
        errors = ErrorCollector()
        user = uow.session.get(User, data["user_id"])
        if user is None or not user.is_active:
            errors.add("user_id", "No active user with this id.")
        elif user.role not in KIND_ROLES[data["kind"]]:
            errors.add("kind", f"A {data['kind']} signs in as {' or '.join(KIND_ROLES[data['kind']])}, "
                               f"not {user.role}.")
        errors.raise_if_any()
        if uow.session.scalar(select(CareTeamMember.id).where(
                CareTeamMember.client_id == client.id, CareTeamMember.user_id == data["user_id"],
                CareTeamMember.consent_withdrawn_at.is_(None))) is not None:
            raise Conflict("This person is already in the client's care team.", {"user_id": ["Already a member."]})
        member = CareTeamMember(organisation_id=client.organisation_id, client_id=client.id, user=user,
                                kind=data["kind"], consent_recorded_by=actor.user_id)
        uow.session.add(member)
        uow.session.flush()
        audit.record(uow.session, actor, "create", RESOURCE, member.id, client.id,
                     detail={"kind": member.kind, "user_id": member.user_id}, organisation_id=client.organisation_id)
        uow.commit()
        return member


def withdraw_consent(uow: UnitOfWork, actor: Actor, client_id: int, member_id: int) -> CareTeamMember:
    POLICY.check(actor, "withdraw_member_consent")
    with uow:
        client = load_client(uow.session, actor, client_id)
        member = uow.session.get(CareTeamMember, member_id)
        if member is None or member.client_id != client.id:
            raise NotFound(f"No care-team member {member_id} of client {client.id}.")
        if member.consent_withdrawn_at is not None:
            raise Conflict("The consent is already withdrawn.")
        member.consent_withdrawn_at, member.consent_withdrawn_by = utcnow(), actor.user_id
        audit.record(uow.session, actor, "withdraw", RESOURCE, member.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return member
