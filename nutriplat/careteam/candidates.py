"""Who can join a client's care team, for the dietitian's choice: the caregivers the client
mandated, and the users of the referrer organisations (GP practices, home nursing,
hospitals, facilities) that referred this client or refer to the provider. ``members.
add_member`` still checks whoever is chosen; this only saves typing user ids."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.careteam.members import RESOURCE
from nutriplat.careteam.policy import POLICY
from nutriplat.clients.access import load_client
from nutriplat.clients.models import CaregiverMandate
from nutriplat.db import UnitOfWork
from nutriplat.referrals.models import Referral


@dataclass(frozen=True)
class Candidate:
    user_id: int
    name: str
    role: str
    organisation: str  # the practice or service; empty for a caregiver


def candidates(uow: UnitOfWork, actor: Actor, client_id: int) -> list[Candidate]:
    POLICY.check(actor, "add_member")
    with uow:
        s = uow.session
        client = load_client(s, actor, client_id)
        mandated = select(CaregiverMandate.caregiver_id).where(
            CaregiverMandate.client_id == client.id, CaregiverMandate.withdrawn_at.is_(None))
        referring = select(Referral.organisation_id).where(Referral.provider_id == client.organisation_id)
        offered = or_((User.role == roles.CAREGIVER) & User.id.in_(mandated),
                      (User.role == roles.REFERRER) & (User.organisation_id.in_(referring) | (
                          User.organisation_id == client.referral_organisation_id)))
        rows = s.execute(select(User, Organisation.name)
                         .outerjoin(Organisation, User.organisation_id == Organisation.id)
                         .where(User.is_active.is_(True), offered)
                         .order_by(User.role, Organisation.name, User.display_name, User.username))
        found = [Candidate(u.id, u.display_name or u.username, u.role,
                           "" if u.role == roles.CAREGIVER else org or "") for u, org in rows]
        audit.record(s, actor, "list_candidates", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return found
