"""The demo's clients follow the early-warning trajectories (``tools/early_warning``): one
story for the evaluation and the demo. Each client's story starts ``LEAD_IN_DAYS`` before
the reference date, so on the first simulated day some are already declining or in
hospital; the hospital step moves them there and back through the service's own
care-setting transfer (alerts, handovers and deliveries follow it), and ``Day.observe``
records the story's meals and weighings. Same date, same story: every draw is seeded by the
population seed, the client and the 90-day block the date falls in."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.clients import lifecycle
from nutriplat.clients.models import Client, IntakeRecord
from nutriplat.db import UnitOfWork
from tools.demo import population as pop
from tools.early_warning import records
from tools.early_warning import trajectories as tr

LEAD_IN_DAYS = 14  # the story runs this long before the first simulated day: a caseload in motion
BLOCK_DAYS = 90  # a story covers 90 simulated days; a longer simulation starts the next block
USUAL_DAYS = 28  # the loaded history's last four weeks are the client's own level
ADMITTED = "unplanned hospital admission (simulation)"
DISCHARGED = "hospital discharge (simulation)"


def _usual(session: Session, ids: Sequence[int], before: date) -> dict[int, tuple[float, float]]:
    """Mean percent eaten and daily fluid over the loaded weeks before ``before``."""
    days: dict[int, dict[date, list[tuple[int, int | None]]]] = defaultdict(lambda: defaultdict(list))
    for client_id, on, percent, fluid in session.execute(
            select(IntakeRecord.client_id, IntakeRecord.date, IntakeRecord.percent_eaten, IntakeRecord.fluid_ml)
            .where(IntakeRecord.client_id.in_(ids), IntakeRecord.date >= before - timedelta(days=USUAL_DAYS),
                   IntakeRecord.date < before)):
        days[client_id][on].append((percent, fluid))
    out = {}
    for client_id, by_day in days.items():
        means = [sum(p for p, _ in meals) / len(meals) for meals in by_day.values()]
        fluids = [sum(f or 0 for _, f in meals) for meals in by_day.values()]
        out[client_id] = (sum(means) / len(means), sum(fluids) / len(fluids))
    return out


def stories(session: Session, population: pop.Population, clients: Sequence[Client],
            day: date) -> dict[int, tr.Day]:
    """Each demo client's day of their story."""
    people = {p.key: p for p in population.clients}
    block = (day - population.reference_date).days // BLOCK_DAYS
    first = population.reference_date + timedelta(days=block * BLOCK_DAYS - LEAD_IN_DAYS)
    usual = _usual(session, [c.id for c in clients], population.reference_date)
    out = {}
    for client in clients:
        person = people.get(client.external_ref or "")
        if person is None:
            continue
        story = records.for_person(population.seed, person, first, LEAD_IN_DAYS + BLOCK_DAYS,
                                   population.reference_date, usual.get(client.id),
                                   key=person.key if block == 0 else f"{person.key}/{block}")
        out[client.id] = story.days[(day - first).days + tr.HISTORY_DAYS]
    return out


def move(factory: sessionmaker[Session], population: pop.Population, day: date,
         staff: Callable[[Session, str], Actor]) -> dict[str, int]:
    """Admit the clients whose story is in hospital today, and discharge those it brings
    back (to where they were admitted from, their ward again if they had one)."""
    people = {p.key: p for p in population.clients}
    with UnitOfWork(factory) as uow:
        clients = list(uow.session.scalars(select(Client).where(
            Client.external_ref.is_not(None), Client.status == "active").order_by(Client.id)))
        today = stories(uow.session, population, clients, day)
        moves = []
        for client in clients:
            story, history = today.get(client.id), client.setting_history
            if story is None:
                continue
            if story.in_hospital and client.care_setting != "hospital":
                moves.append((client.id, {"to_setting": "hospital", "reason": ADMITTED}))
            elif not story.in_hospital and history and history[-1].reason == ADMITTED:
                back = next((t for t in reversed(history[:-1]) if t.to_setting == history[-1].from_setting), None)
                moves.append((client.id, {"to_setting": history[-1].from_setting, "reason": DISCHARGED,
                                          **({"ward_id": back.ward_id, "room": back.room}
                                             if back is not None and back.ward_id else {})}))
        actors = {c.id: staff(uow.session, people[c.external_ref or ""].dietitian_username) for c in clients
                  if c.id in dict(moves)}
    counts: dict[str, int] = defaultdict(int)
    for client_id, data in moves:
        lifecycle.transfer(UnitOfWork(factory), actors[client_id], client_id, {**data, "transferred_on": day})
        counts["admissions" if data["to_setting"] == "hospital" else "discharges"] += 1
    return dict(counts)
