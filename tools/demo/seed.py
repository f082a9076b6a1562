"""Persist the demo population. Every record is found by a natural key first
(organisation name, username, client external_ref), so running the demo twice
changes nothing the second time."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation, User
from nutriplat.auth.passwords import Passwords
from nutriplat.clients.models import CaregiverMandate, CareSettingTransfer, Client, Consent, Measurement, StatusChange
from tools.demo import population as pop
from tools.demo.population.records import Population


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        if n:  # a step that found everything in place reports nothing
            self.created[what] = self.created.get(what, 0) + n


def seed_organisations(session: Session, population: Population, report: SeedReport) -> dict[str, int]:
    ids = {}
    for org in population.organisations:
        row = session.scalar(select(Organisation).where(Organisation.name == org.name))
        if row is None:
            row = Organisation(name=org.name, type=org.type)
            session.add(row)
            session.flush()
            report.count("organisations")
        ids[org.key] = row.id
    return ids


def seed_users(session: Session, population: Population, passwords: Passwords,
               org_ids: dict[str, int], report: SeedReport) -> dict[str, int]:
    ids = {}
    for user in population.users:
        row = session.scalar(select(User).where(User.username == user.username))
        if row is None:
            row = User(username=user.username, display_name=user.display_name, role=user.role,
                       password_hash=passwords.hash(user.password),
                       organisation_id=org_ids.get(user.organisation_key or ""))
            session.add(row)
            session.flush()
            report.count("users")
        ids[user.username] = row.id
    return ids


def seed_clients(session: Session, population: Population, org_ids: dict[str, int],
                 user_ids: dict[str, int], report: SeedReport,
                 progress: Callable[[Iterable[pop.Client]], Iterable[pop.Client]] = iter) -> None:
    provider_id = next(org_ids[o.key] for o in population.organisations if o.type == "provider")
    known = set(session.scalars(select(Client.external_ref).where(Client.organisation_id == provider_id)))
    for person in progress(population.clients):
        if person.key in known:
            continue
        client = _client(person, provider_id, org_ids, user_ids)
        session.add(client)
        session.flush()
        records = _records(person, user_ids)
        for record in records:
            record.client_id = client.id
        session.add_all(records)
        audit.record(session, SYSTEM, "create", "client", client.id, client.id,
                     detail={"source": "demo"}, organisation_id=provider_id)
        report.count("clients")
        report.count("measurements", len(person.measurements))


def _client(person: pop.Client, provider_id: int, org_ids: dict[str, int],
            user_ids: dict[str, int]) -> Client:
    fields = person.api_fields()
    address, location = fields.pop("address"), fields.pop("location")
    fields["birth_date"] = person.birth_date  # api_fields() gives the JSON (ISO) form
    client = Client(organisation_id=provider_id, external_ref=person.key, status=person.status,
                    referral_organisation_id=org_ids[person.referral.organisation_key],
                    referral_care_line=person.referral.care_line,
                    referral_date=person.referral.referred_on, **address, **location, **fields)
    client.setting_history = [CareSettingTransfer(
        transferred_on=t.transferred_on, from_setting=t.from_setting, to_setting=t.to_setting,
        reason=t.reason) for t in person.setting_history]
    client.status_history = [StatusChange(
        changed_on=s.changed_on, from_status=s.from_status, to_status=s.to_status,
        reason=s.reason) for s in person.status_history]
    return client


def _records(person: pop.Client, user_ids: dict[str, int]) -> list[Any]:
    """Measurements, mandates and consents, to be attached once the client has an id."""
    extras: list[Any] = [Measurement(
        type=m.type, value=m.value, measured_at=m.measured_at,
        measured_by=user_ids.get(m.measured_by)) for m in person.measurements]
    extras += [CaregiverMandate(
        caregiver_id=user_ids[m.caregiver_username], scopes=list(m.scopes),
        relationship_to_client=m.relationship_to_client, given_at=m.given_at,
        withdrawn_at=m.withdrawn_at) for m in person.mandates]
    extras += [Consent(purpose=c.purpose, given_at=c.given_at, withdrawn_at=c.withdrawn_at)
               for c in person.consents]
    return extras
