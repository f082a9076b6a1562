"""A quarter of staff survey answers for the demo: the provider's dietitians, drivers and
kitchen staff answer the last complete quarter's survey through the survey's own service
(``staff_survey.submit``), on a day of that quarter, so the cofinancer's dashboard shows staff
wellbeing for it. Each group has five or more respondents, so its cell passes the reports'
suppression as real answers would have to. Whoever answered already is skipped: a second
run adds nothing."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.clock import simulated_day
from nutriplat.db import UnitOfWork
from nutriplat.indicators import staff_questions, staff_survey
from nutriplat.indicators.models import StaffSurveyResponse
from nutriplat.periods import last_complete_quarter
from tools.demo.population.people import STAFF_GROUPS
from tools.demo.seed import SeedReport

# The usual spread of a team that copes: most agree, some are neutral, a few disagree
# (workload and time per client score lowest, as staff surveys in care tend to show).
LEANING = {"workload_manageable": -0.6, "enough_time_per_client": -0.8}


def seed_staff_survey(factory: sessionmaker[Session], seed: int, today: date, report: SeedReport) -> None:
    quarter = last_complete_quarter(today)
    with UnitOfWork(factory) as uow:
        staff = list(uow.session.scalars(select(User).where(User.username.in_(STAFF_GROUPS),
                                                            User.is_active.is_(True)).order_by(User.id)))
        answered = set(uow.session.scalars(select(StaffSurveyResponse.user_id).where(
            StaffSurveyResponse.period == quarter.label)))
        asked = {user.organisation_id: staff_questions.in_force(uow.session, user.organisation_id, quarter).codes
                 for user in staff}
    with simulated_day(quarter.end - timedelta(days=20)):  # the quarter's survey, answered in its last month
        for user in staff:
            if user.id in answered:
                continue
            rng = random.Random(f"{seed}/staff-survey/{quarter.label}/{user.username}")
            actor = Actor(user.id, user.username, user.role, user.organisation_id, purpose="demo staff survey")
            staff_survey.submit(UnitOfWork(factory), actor, STAFF_GROUPS[user.username],
                                {code: _answer(rng, LEANING.get(code, 0.0)) for code in asked[user.organisation_id]})
            report.count("staff survey answers")


def _answer(rng: random.Random, leaning: float) -> int:
    return min(5, max(1, round(rng.gauss(3.9 + leaning, 0.8))))
