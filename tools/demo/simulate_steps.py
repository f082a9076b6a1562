"""The people's part of a simulated day (the jobs' part runs through the job runner):
the kitchen's delivery to the warehouse, screening whoever is due, next week's plans,
the deliveries, and the weights and meals recorded at home. Each step is idempotent for
its day, and every random choice is seeded by the population seed, the client and the day."""
from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.clients.measurements import record_measurement
from nutriplat.clients.models import Client, IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS, age_on
from nutriplat.db import UnitOfWork
from nutriplat.inventory.models import Location
from nutriplat.mealplans.models import MealPlan
from nutriplat.screening import domain, services, worklist
from tools.demo import population as pop
from tools.demo import simulate_admissions, simulate_buyer, simulate_care_network, simulate_wards
from tools.demo.catalogue.seed import seed_plans
from tools.demo.inventory import WAREHOUSE, _receive
from tools.demo.screenings import _answers, _derivable
from tools.demo.seed import SeedReport
from tools.demo.simulate_rounds import deliver_day
from tools.early_warning import records

NOT_HOME_SHARE = 0.04  # a client out (at the GP, visiting family) when the van comes
PAGE = 100
PLANNING_DAY = 2  # Wednesday


class Day:
    """One simulated day of the demo population, on the demo database."""

    def __init__(self, factory: sessionmaker[Session], population: pop.Population, day: date) -> None:
        self.factory, self.population, self.day = factory, population, day
        self.people = {p.key: p for p in population.clients}
        self.counts: Counter[tuple[str, str]] = Counter()

    def rng(self, part: str, key: object) -> random.Random:
        return random.Random(f"{self.population.seed}/simulation/{part}/{key}/{self.day}")

    def staff(self, session: Session, username: str) -> Actor:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise LookupError(f"Demo user {username} is missing: load the demo first.")
        return Actor(user.id, user.username, user.role, user.organisation_id, purpose="demo simulation")

    def kitchen(self) -> None:
        """Yesterday's chilled production arrives at the warehouse, as on every loaded day."""
        report = SeedReport()
        with UnitOfWork(self.factory) as uow:
            s = uow.session
            first_of = select(Organisation.id).order_by(Organisation.id)
            provider = s.scalar(first_of.where(Organisation.type == "provider"))
            supplier = s.scalar(first_of.where(Organisation.type == "supplier"))
            warehouse = s.scalar(select(Location.id).where(Location.name == WAREHOUSE))
            _receive(s, provider, supplier, warehouse, self.day - timedelta(days=1), long_life=False, report=report)
            uow.commit()
        self.counts["deliver", "chilled lots received"] += report.created.get("lots", 0)

    def screen(self) -> None:
        """Everyone on the rescreening work list gets the screening their setting calls for."""
        with UnitOfWork(self.factory) as uow:
            lead = self.staff(uow.session, self.population.clients[0].dietitian_username)
        due, page = [], 1
        while True:
            entries, total = worklist.due_before(UnitOfWork(self.factory), lead, self.day + timedelta(days=1),
                                                 page, PAGE)
            due += [e.client for e in entries]
            if page * PAGE >= total:
                break
            page += 1
        for client in due:
            person = self.people.get(client.external_ref or "")
            if person is None or client.care_setting is None:
                continue
            suggestion = domain.suggest_instrument(client.care_setting, age_on(client.birth_date, self.day),
                                                   "dysphagia" in client.conditions)
            rng = self.rng("screen", person.key)
            answers = _answers(suggestion.instrument, person, client.care_setting, self.day, rng)
            if not _derivable(suggestion.instrument, answers, person, client.care_setting, self.day):
                self.counts["screen", "due, waiting for a weight"] += 1
                continue
            with UnitOfWork(self.factory) as uow:
                actor = self.staff(uow.session, person.dietitian_username)
            at = datetime.combine(self.day, time(rng.randint(9, 15), rng.choice((0, 30))), BRUSSELS)
            result = services.record_screening(UnitOfWork(self.factory), actor, client.id, {
                "instrument": suggestion.instrument, "answers": answers, "performed_at": at})
            self.counts["screen", f"screenings ({result.risk} risk)"] += 1

    def plan(self) -> None:
        """From Wednesday on, next week is planned and approved if it is not yet: the
        Thursday night's orders for Friday's deliveries already reach into it."""
        week = self.day + timedelta(days=7 - self.day.weekday())
        if self.day.weekday() < PLANNING_DAY:
            return
        with UnitOfWork(self.factory) as uow:
            if uow.session.scalar(select(func.count(MealPlan.id)).where(
                    MealPlan.week_start == week, MealPlan.status == "approved")):
                return
        report = SeedReport()
        seed_plans(self.factory, self.population, report, lambda _total: lambda _n: None, week=week)
        self.counts["plan", f"approved plans for the week of {week:%d %b}"] += report.created.get(
            "approved meal plans", 0)

    def buy(self) -> None:
        """The buyer approves the night's replenishment proposals and receives the
        purchase orders due today (simulate_buyer)."""
        with UnitOfWork(self.factory) as uow:
            buyer = self.staff(uow.session, "logistiek.kurt")
        for what, n in simulate_buyer.buy(self.factory, buyer, self.day).items():
            self.counts["buy", what] += n

    def deliver(self) -> None:
        """The planner publishes the day's routes; the drivers confirm each stop (now and
        then nobody is home)."""
        with UnitOfWork(self.factory) as uow:
            planner = self.staff(uow.session, "logistiek.kurt")

        def outcome_at(client_id: int | None) -> str:
            if client_id is None:  # a facility's site: someone always receives the crates
                return "delivered"
            return "not_home" if self.rng("deliver", client_id).random() < NOT_HOME_SHARE else "delivered"

        for what, n in deliver_day(self.factory, planner, self.day, outcome_at).items():
            self.counts["deliver", what] += n

    def care_network(self) -> None:
        """Care teams, referrals and their triage, a transfer's handover (simulate_care_network)."""
        simulate_care_network.simulate(self.factory, self.population.reference_date, self.day, self.counts)

    def hospital(self) -> None:
        """Admissions and discharges as the clients' stories have them (simulate_admissions)."""
        for what, n in simulate_admissions.move(self.factory, self.population, self.day, self.staff).items():
            self.counts["hospital", what] += n

    def wards(self) -> None:
        """Care facilities: the ward ordering, an admission and a discharge (simulate_wards)."""
        simulate_wards.simulate(self.factory, self.population.reference_date, self.day, self.counts)

    def observe(self) -> None:
        """At home and in the nursing homes: the day's weighings and meals, as each
        client's story has them (the early-warning trajectories, carried on from the
        client's loaded level and weight)."""
        with UnitOfWork(self.factory) as uow:
            s = uow.session
            clients = list(s.scalars(select(Client).where(
                Client.external_ref.is_not(None), Client.status == "active",
                Client.care_setting != "hospital").order_by(Client.id)))
            today = simulate_admissions.stories(s, self.population, clients, self.day)
            eaten = set(s.scalars(select(IntakeRecord.client_id).where(IntakeRecord.date == self.day)))
            start = datetime.combine(self.day, time(), BRUSSELS)
            weighed = set(s.scalars(select(Measurement.client_id).where(
                Measurement.type == "weight_kg", Measurement.measured_at >= start,
                Measurement.measured_at < start + timedelta(days=1))))
        for client in clients:
            story = today.get(client.id)
            if story is not None and story.weight_kg is not None and client.id not in weighed:
                self._weigh(client, story.weight_kg)
        rows = [row for c in clients if c.id in today and c.id not in eaten
                for row in records.intake_rows(c.id, today[c.id])]
        if rows:
            with UnitOfWork(self.factory) as uow:
                uow.session.execute(insert(IntakeRecord), rows)
                uow.commit()
        self.counts["observe", "meals recorded"] += len(rows)

    def _weigh(self, client: Client, kg: float) -> None:
        person = self.people[client.external_ref or ""]
        with UnitOfWork(self.factory) as uow:
            actor = self.staff(uow.session, person.dietitian_username)
        record_measurement(UnitOfWork(self.factory), actor, client.id, {
            "type": "weight_kg", "value": kg, "measured_at": datetime.combine(self.day, time(8), BRUSSELS)})
        self.counts["observe", "weights"] += 1
