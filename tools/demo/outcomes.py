"""The demo's outcome data: intake records, experience surveys and goals for the pilot's
clients, a quarter of staff survey answers, the result-based agreement with Regionaal Zorgfonds West-Vlaanderen over the
pilot cohort, then the nightly early-warning sweep (alerts, goals judged, healthcoins)
and the last month's indicator snapshot. Everything is found by a natural key first, so
a second run adds nothing."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.clients.models import CareSettingTransfer, Client, IntakeRecord, StatusChange
from nutriplat.db import UnitOfWork
from nutriplat.indicators import agreements, lifecycle
from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.snapshots import indicator_snapshot
from nutriplat.monitoring.experience import mean_score
from nutriplat.monitoring.models import ExperienceSurvey, Goal, GoalProgress
from nutriplat.monitoring.sweep import early_warning
from nutriplat.periods import Month, Period, last_complete_quarter
from tools.demo import outcomes_data as data
from tools.demo.seed import SeedReport
from tools.demo.staff_survey import seed_staff_survey

COFINANCER = "Regionaal Zorgfonds West-Vlaanderen"
AGREEMENT = "Ondervoeding bij parkinson: pilot Roeselare"
TARGETS = {"screening_coverage": 90, "risk_improved_3m": 30, "risk_improved_6m": 35,
           "mean_weight_change": 0, "plan_days_on_target": 80, "meals_mostly_eaten": 60,
           "hospital_admissions": 5, "on_time_deliveries": 95, "mean_experience_score": 4,
           "cost_per_client_month": 450,
           # a mean of at least 3.5 on the 1-5 staff survey: most staff agree the work is doable
           "staff_wellbeing": 3.5}
RULES = [
    {"kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m", "price_per_client": "150.00",
                                              "cap": "6000.00"}},
    # Paid on figures the report can show: with every pilot client screened, the coverage (all of
    # them) is suppressed, and a settlement is never computed from a suppressed figure.
    {"kind": "threshold", "params": {"indicator": "meals_mostly_eaten", "bonus": "2500.00",
                                     "clawback": "1000.00", "floor": "45"}},
    {"kind": "shared_savings", "params": {
        "expected_cost_per_client_month": "650.00", "share": "0.5", "cost_per_admission": "3500.00",
        "cap": "25000.00", "quality_indicators": ["meals_mostly_eaten"]}},
    {"kind": "start_budget", "params": {"amount": "10000.00"}},
]


def seed_outcomes(factory: sessionmaker[Session], seed: int, today: date, report: SeedReport) -> int:
    """The agreement's id."""
    with UnitOfWork(factory) as uow:
        session = uow.session
        clients = list(session.scalars(select(Client).where(Client.external_ref.is_not(None))
                                       .order_by(Client.id)))
        histories = _histories(session, [c.id for c in clients])
        _seed_intake(session, seed, clients, histories, today, report)
        _seed_surveys(session, seed, clients, histories, today, report)
        _seed_goals(session, seed, clients, today, report)
        uow.commit()
    # before the agreement's reports are first made (and frozen): they count the answers
    seed_staff_survey(factory, seed, today, report)
    agreement_id = _agreement(factory, today, report)
    for what, n in early_warning(lambda: UnitOfWork(factory), today - timedelta(days=1)).items():
        report.count(what, n)
    if stored := indicator_snapshot(lambda: UnitOfWork(factory), Month.of(today).previous())["snapshots"]:
        report.count("indicator snapshots", stored)
    return agreement_id


def seed_intake(factory: sessionmaker[Session], seed: int, today: date, report: SeedReport) -> None:
    """The meals eaten before today, before the stock's days are loaded: the nightly
    reorder runs then post and order from what the clients really ate."""
    with UnitOfWork(factory) as uow:
        clients = list(uow.session.scalars(select(Client).where(Client.external_ref.is_not(None))
                                           .order_by(Client.id)))
        _seed_intake(uow.session, seed, clients, _histories(uow.session, [c.id for c in clients]), today, report)
        uow.commit()


def _histories(session: Session, ids: list[int]) -> dict[int, data.History]:
    statuses: dict[int, list[tuple[date, str]]] = defaultdict(list)
    settings: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for client_id, on, to in session.execute(
            select(StatusChange.client_id, StatusChange.changed_on, StatusChange.to_status)
            .where(StatusChange.client_id.in_(ids)).order_by(StatusChange.changed_on, StatusChange.id)):
        statuses[client_id].append((on, to))
    for client_id, on, to in session.execute(
            select(CareSettingTransfer.client_id, CareSettingTransfer.transferred_on,
                   CareSettingTransfer.to_setting)
            .where(CareSettingTransfer.client_id.in_(ids))
            .order_by(CareSettingTransfer.transferred_on, CareSettingTransfer.id)):
        settings[client_id].append((on, to))
    return {i: data.History(statuses[i], settings[i]) for i in ids}


def _eating_days(history: data.History, today: date) -> list[date]:
    first = history.statuses[0][0] if history.statuses else today
    return history.eating_days(first, today - timedelta(days=1))


def _seed_intake(session: Session, seed: int, clients: list[Client], histories: dict[int, data.History],
                 today: date, report: SeedReport) -> None:
    done = set(session.scalars(select(IntakeRecord.client_id).distinct()))
    rows = [{"client_id": c.id, **row} for c in clients if c.id not in done
            for row in data.intake_rows(data.rng_for(seed, c.external_ref or "", "intake"),
                                        _eating_days(histories[c.id], today))]
    if rows:
        session.execute(insert(IntakeRecord), rows)  # one executemany, not tens of thousands of objects
        report.count("intake records", len(rows))


def _seed_surveys(session: Session, seed: int, clients: list[Client], histories: dict[int, data.History],
                  today: date, report: SeedReport) -> None:
    done = set(session.execute(select(ExperienceSurvey.client_id, ExperienceSurvey.period)).all())
    for client in clients:
        rng = data.rng_for(seed, client.external_ref or "", "survey")
        for quarter in data.survey_quarters(_eating_days(histories[client.id], today), today):
            answers = data.survey(rng, quarter, today)
            if (client.id, quarter.label) in done:
                continue
            session.add(ExperienceSurvey(organisation_id=client.organisation_id, client_id=client.id,
                                         period_start=quarter.start, period_end=quarter.end,
                                         mean_score=mean_score(answers["answers"]), **answers))
            report.count("experience surveys")


def _seed_goals(session: Session, seed: int, clients: list[Client], today: date, report: SeedReport) -> None:
    done = set(session.scalars(select(Goal.client_id).distinct()))
    for client in clients:
        if client.id in done or client.status != "active":
            continue
        for goal in data.goals(data.rng_for(seed, client.external_ref or "", "goals"), today):
            reports = goal.pop("reports")
            session.add(Goal(organisation_id=client.organisation_id, client_id=client.id, **goal,
                             progress=[GoalProgress(recorded_on=day, value=1.0) for day in reports]))
            report.count("goals")


def _agreement(factory: sessionmaker[Session], today: date, report: SeedReport) -> int:
    """Over the pilot cohort (Parkinson's disease or parkinsonism), from the quarter before
    the last complete one, which is its baseline: six months of data behind it."""
    with UnitOfWork(factory) as uow:
        funder = uow.session.scalar(select(Organisation).where(Organisation.name == COFINANCER))
        admin = uow.session.scalar(select(User).where(User.username == "admin"))
        els = uow.session.scalar(select(User).where(User.username == "cofinancier.els"))
        assert funder is not None and admin is not None and els is not None, \
            "the demo's organisations and users come first"
        found = uow.session.scalar(select(Agreement.id).where(Agreement.cofinancer_id == funder.id,
                                                              Agreement.name == AGREEMENT))
    if found is not None:
        return found
    baseline = Period.parse(_previous_quarter(last_complete_quarter(today)))
    actor = Actor(admin.id, admin.username, admin.role, admin.organisation_id, purpose="demo agreement")
    created = agreements.create_agreement(UnitOfWork(factory), actor, {
        "cofinancer_id": funder.id, "name": AGREEMENT,
        "cohort": {"conditions_any": ["parkinson", "parkinsonism"]}, "starts_on": baseline.start,
        "ends_on": baseline.start.replace(year=baseline.start.year + 2) - timedelta(days=1),
        "baseline_period": baseline.label, "settlement_period": "quarter",
        "indicators": [{"code": spec["code"], "target": TARGETS.get(spec["code"])} for spec in STARTER_SET],
        "payment_rules": RULES})
    # proposed by the provider, accepted by the cofinancer: only an accepted version pays
    lifecycle.propose(UnitOfWork(factory), actor, created.id)
    lifecycle.accept(UnitOfWork(factory), Actor(els.id, els.username, els.role, els.organisation_id,
                                                purpose="demo acceptance"), created.id, 1, None)
    report.count("agreements")
    return created.id


def _previous_quarter(quarter: Period) -> str:
    return last_complete_quarter(quarter.start).label
