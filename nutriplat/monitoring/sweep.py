"""The nightly ``early-warning`` job for a date: every client in care is evaluated on
all rules with the data up to and including that date, and every active goal is judged
(healthcoins for the goals met). Running it twice for a date changes nothing."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select

from nutriplat.billing.models import CoinEntry
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.monitoring import goals
from nutriplat.monitoring.evaluation import evaluate_clients
from nutriplat.monitoring.models import Goal
from nutriplat.parts import client_parts, client_range

BATCH = 500
IN_CARE = ("active", "paused")
AWARD_RETRY_DAYS = 31


def early_warning(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The whole job in this process: every part, then the goals (the job runner splits it
    the same way over worker processes when a work queue is configured)."""
    counts: Counter[str] = Counter()
    for key in early_warning_parts(new_uow, day):
        counts.update(early_warning_part(new_uow, day, key))
    counts.update(review_goals(new_uow, day))
    return dict(counts)


def early_warning_parts(new_uow: Callable[[], UnitOfWork], day: date) -> list[str]:
    """The slices of the client ids holding clients in care."""
    with new_uow() as uow:
        return client_parts(uow.session.scalars(select(Client.id).where(Client.status.in_(IN_CARE))))


def early_warning_part(new_uow: Callable[[], UnitOfWork], day: date, key: str) -> dict[str, int]:
    """The rules for the clients in care of one slice, ``BATCH`` clients a transaction."""
    lo, hi = client_range(key)
    counts: Counter[str] = Counter()
    with new_uow() as uow:
        ids = list(uow.session.scalars(select(Client.id).where(
            Client.status.in_(IN_CARE), Client.id >= lo, Client.id < hi).order_by(Client.id)))
    for start in range(0, len(ids), BATCH):
        with new_uow() as uow:
            clients = list(uow.session.scalars(select(Client).where(Client.id.in_(ids[start:start + BATCH]))))
            counts.update(evaluate_clients(uow.session, clients, day, record=uow.record))
            uow.commit()
    return dict(counts)


def review_goals_job(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The job's finish, once every part is done."""
    return dict(review_goals(new_uow, day))


def review_goals(new_uow: Callable[[], UnitOfWork], day: date) -> Counter[str]:
    counts: Counter[str] = Counter()
    with new_uow() as uow:
        for goal in uow.session.scalars(select(Goal).where(Goal.status == "active", Goal.starts_on <= day)):
            before = goal.status
            goals.judge(uow.session, goal, day)
            if goal.status != before:
                counts[f"goals {goal.status.replace('_', ' ')}"] += 1
        uow.commit()
    with new_uow() as uow:
        met = list(uow.session.scalars(select(Goal).where(
            Goal.status == "met", Goal.coins > 0, Goal.met_on >= day - timedelta(days=AWARD_RETRY_DAYS))))
        rewarded = set(uow.session.scalars(select(CoinEntry.source_key).where(
            CoinEntry.source_key.in_([f"goal:{g.id}" for g in met]))))
    for goal in met:
        if f"goal:{goal.id}" not in rewarded and goals.award(new_uow(), goal):  # retries failed ones too
            counts["healthcoin awards"] += 1
    return counts
