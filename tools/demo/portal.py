"""The demo's client portal (issue 17): three clients at home, among those who mandated
the demo caregiver (``mantelzorger.an``) first, were invited by their dietitian and opened
their account with the code, through the portal's own use cases. They sign in as
``client.<given name in lower case>`` with ``client-demo-only-2026``. Idempotent: a client
with an account is left alone, and the first three are kept on every run."""
from __future__ import annotations

import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.auth.passwords import Passwords
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.db import UnitOfWork
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.portal import invitations
from tools.demo.population import people
from tools.demo.seed import SeedReport

PASSWORD = people.password_for("client")
HOW_MANY = 3


def username_for(given_name: str) -> str:
    plain = unicodedata.normalize("NFKD", given_name).encode("ascii", "ignore").decode()
    return f"client.{plain.lower().replace(' ', '-')}"


def seed_portal(factory: sessionmaker[Session], passwords: Passwords, report: SeedReport) -> list[str]:
    """The usernames of the demo's client accounts (made now or before)."""
    with UnitOfWork(factory) as uow:
        session = uow.session
        existing = list(session.scalars(select(User.username).where(User.role == "client").order_by(User.id)))
        if len(existing) >= HOW_MANY:
            return existing
        dietitian = session.scalar(select(User).where(User.username == people.DIETITIANS[0]))
        assert dietitian is not None, "the demo's users come first"
        actor = Actor(dietitian.id, dietitian.username, dietitian.role, dietitian.organisation_id)
        mandated = set(session.scalars(select(CaregiverMandate.client_id).join(
            User, User.id == CaregiverMandate.caregiver_id).where(User.username == people.CAREGIVER)))
        candidates = list(session.scalars(select(Client).join(
            DeliverySchedule, DeliverySchedule.client_id == Client.id).where(
            Client.status == "active", Client.care_setting == "home",
            Client.organisation_id == dietitian.organisation_id).order_by(Client.id)))
        taken = set(session.scalars(select(User.username)))
        with_account = set(session.scalars(select(User.client_id).where(User.client_id.is_not(None))))
    chosen: list[tuple[int, str]] = []
    for client in sorted(candidates, key=lambda c: (c.id not in mandated, c.id)):
        name = username_for(client.given_name)
        if len(existing) + len(chosen) >= HOW_MANY:
            break
        if name not in taken and client.id not in with_account:
            chosen.append((client.id, name))
            taken.add(name)
    for client_id, name in chosen:
        code = invitations.invite(UnitOfWork(factory), actor, client_id).code
        invitations.redeem(UnitOfWork(factory), passwords, {"code": code, "username": name, "password": PASSWORD})
        report.count("client accounts")
    return existing + [name for _, name in chosen]
