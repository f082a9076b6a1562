"""Load the demo catalogue, the demo clients' diet wishes and an approved plan of this
week for every active client. Found by natural key first (dish name, client, week), so
running the demo twice changes nothing the second time."""
from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.auth.models import User
from nutriplat.catalogue.models import Dish
from nutriplat.catalogue.schemas.dishes import DishSchema
from nutriplat.catalogue.services import add_dish
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.mealplans import batch, store
from nutriplat.mealplans.models import DietProfile
from nutriplat.mealplans.services import approve_plan
from tools.demo.catalogue import catalogue_bodies
from tools.demo.catalogue.profiles import diet_profile
from tools.demo.population.records import Population
from tools.demo.seed import SeedReport


def this_monday() -> date:
    today = business_today()
    return today - timedelta(days=today.weekday())


def seed_catalogue(session: Session, report: SeedReport, names: Collection[str] | None = None) -> None:
    """The demo dishes (or those named) that are not there yet."""
    known = set(session.scalars(select(Dish.name)))
    schema = DishSchema()  # the demo data passes the same validation as the API
    for body in catalogue_bodies():
        if body["name"] not in known and (names is None or body["name"] in names):
            add_dish(session, SYSTEM, schema.load(body))
            report.count("dishes")
            report.count("dish variants", len(body["variants"]))


def seed_diet_profiles(session: Session, population: Population, report: SeedReport) -> None:
    clients = {c.external_ref: c.id for c in session.scalars(select(Client))}
    existing = set(session.scalars(select(DietProfile.client_id)))
    for person in population.clients:
        wishes = diet_profile(person, population.seed)
        client_id = clients.get(person.key)
        if wishes and client_id is not None and client_id not in existing:
            session.add(DietProfile(client_id=client_id, **wishes))
            report.count("diet profiles")


def seed_plans(factory: sessionmaker[Session], population: Population, report: SeedReport,
               start: Callable[[int], Callable[[int], None]], week: date | None = None) -> None:
    """Plan this week (or ``week``, a Monday) for every active client on two cores, then
    let each client's own dietitian approve the plan."""
    made = batch.plan_all(factory, SYSTEM, week or this_monday(), workers=2, start=start)
    dietitian_of = {p.key: p.dietitian_username for p in population.clients}
    with UnitOfWork(factory) as uow:
        users = {u.username: u for u in uow.session.scalars(select(User))}
        for client_id, plan_id in made.plan_ids.items():
            client = uow.session.get(Client, client_id)
            user = users.get(dietitian_of.get(client.external_ref or "", ""))
            if user is None:  # not a demo client: its plan stays a draft
                continue
            actor = Actor(user.id, user.username, user.role, user.organisation_id)
            approve_plan(uow.session, actor, client, store.load_plan(uow.session, plan_id))
        uow.commit()
    if made.plan_ids:
        report.count("approved meal plans", len(made.plan_ids))
