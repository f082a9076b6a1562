"""The demo's information platform and coaching (issue 18): the provider's library
(``content_library``), items given to some active clients over the last two months (some
read by their caregiver) and coaching sessions held with others, so that the months the demo
invoices bill components b and c only to those who had them. Runs before the billing seed.
Idempotent: the library by key and language, a client's items and sessions once."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.clock import BRUSSELS
from nutriplat.coaching import sessions
from nutriplat.coaching.models import CoachingSession
from nutriplat.content.models import ContentAssignment, ContentItem
from nutriplat.db import UnitOfWork
from nutriplat.periods import Month
from tools.demo.content_library import LIBRARY
from tools.demo.population import people
from tools.demo.seed import SeedReport

GIVEN = ("levodopa-protein", "fluid-daily", "caregiver-mealtime", "regenerating-meals")
MODES = ("home_visit", "phone", "video", "home_visit")
NOTES = {
    "subjective": "Eet trager dan vorige maand, vooral 's middags; af en toe hoesten bij soep.",
    "objective": "Gewicht stabiel op de weegschaal thuis; inname gemiddeld 70 % van de maaltijden.",
    "assessment": "Energie-inname net onder de streefwaarde; slikken iets moeizamer bij dun vocht.",
    "plan": "Soep licht verdikt (IDDSI 2), eiwitrijk avondmaal, levodopa 30 min voor het ontbijt.",
}


def seed_information_and_coaching(factory: sessionmaker[Session], month: Month, report: SeedReport) -> None:
    """The library, then items and sessions in ``month`` and the month before it."""
    with UnitOfWork(factory) as uow:
        provider = uow.session.scalar(select(User.organisation_id).where(User.username == "admin"))
        assert provider is not None
        report.count("content items", _library(uow.session, provider))
        uow.commit()
        active = list(uow.session.scalars(select(Client).where(
            Client.organisation_id == provider, Client.status == "active", Client.external_ref.is_not(None))
            .order_by(Client.external_ref)))
        dietitian = uow.session.scalar(select(User).where(User.username == people.DIETITIANS[0]))
        assert dietitian is not None
        actor = Actor(dietitian.id, dietitian.username, dietitian.role, provider, purpose="demo coaching")
    for i, client in enumerate(active):
        if i % 2 == 0:
            report.count("content assignments", _give(factory, client, month, i))
        if i % 3 == 0:
            report.count("coaching sessions", _coach(factory, actor, client, month, i))


def _library(session: Session, provider: int) -> int:
    have = {(key, lang) for key, lang in session.execute(select(ContentItem.key, ContentItem.lang).where(
        ContentItem.organisation_id == provider))}
    new = [ContentItem(organisation_id=provider, **item) for item in LIBRARY if (item["key"], item["lang"]) not in have]
    session.add_all(new)
    return len(new)


def _give(factory: sessionmaker[Session], client: Client, month: Month, i: int) -> int:
    with UnitOfWork(factory) as uow:
        session = uow.session
        if session.scalar(select(ContentAssignment.id).where(ContentAssignment.client_id == client.id).limit(1)):
            return 0
        item = session.scalar(select(ContentItem).where(
            ContentItem.organisation_id == client.organisation_id, ContentItem.key == GIVEN[i % len(GIVEN)],
            ContentItem.lang == "nl-BE"))
        assert item is not None
        carer = session.scalar(select(CaregiverMandate.caregiver_id).where(
            CaregiverMandate.client_id == client.id, CaregiverMandate.withdrawn_at.is_(None)).limit(1))
        # Given in the month before the last one invoiced, so both months show the platform.
        on = month.previous().first + timedelta(days=i % 20)
        at = datetime.combine(on, time(11), tzinfo=BRUSSELS)
        read = carer is not None and i % 4 == 0
        session.add(ContentAssignment(
            organisation_id=client.organisation_id, client_id=client.id, content_item_id=item.id,
            assigned_on=on, assigned_at=at, read_at=at + timedelta(days=2) if read else None,
            read_by=carer if read else None))
        uow.commit()
        return 1


def _coach(factory: sessionmaker[Session], actor: Actor, client: Client, month: Month, i: int) -> int:
    with UnitOfWork(factory) as uow:
        if uow.session.scalar(select(CoachingSession.id).where(CoachingSession.client_id == client.id).limit(1)):
            return 0
    held = [month.previous()] if i % 2 else [month.previous(), month]  # some only the month before
    for n, when in enumerate(held):
        on = when.first + timedelta(days=(i + 7 * n) % 25)
        sessions.record_session(UnitOfWork(factory), actor, client.id, {
            "mode": MODES[(i + n) % len(MODES)], "held_at": datetime.combine(on, time(10), tzinfo=BRUSSELS),
            **NOTES, "actions": [
                {"text": "Wekelijks wegen op maandagochtend", "owner": "caregiver", "due_on": on + timedelta(days=7)},
                {"text": "Levodopa 30 minuten voor het ontbijt innemen", "owner": "client",
                 "due_on": on + timedelta(days=14)}]})
    return len(held)
