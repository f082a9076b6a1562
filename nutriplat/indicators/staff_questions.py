"""The staff survey's questions as data, versioned per provider: the five built-in ones are
version 1; a provider's admin revises them for the next quarter (never the running one, so
everyone answers one set in a quarter), and each response keeps the version it answered."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, Forbidden
from nutriplat.indicators.models import StaffSurveyQuestionnaire
from nutriplat.indicators.policy import POLICY
from nutriplat.periods import Period

BUILT_IN: Final = (
    {"code": "workload_manageable", "en": "My workload is manageable.", "nl": "Mijn werkdruk is haalbaar."},
    {"code": "enough_time_per_client", "en": "I have enough time for each client.",
     "nl": "Ik heb genoeg tijd voor elke cliënt."},
    {"code": "supported_by_team", "en": "I feel supported by my team.", "nl": "Ik voel me gesteund door mijn team."},
    {"code": "work_is_meaningful", "en": "My work is meaningful.", "nl": "Mijn werk is zinvol."},
    {"code": "would_recommend_employer", "en": "I would recommend this employer to a friend.",
     "nl": "Ik zou deze werkgever aanraden aan een vriend."},
)
CODE = re.compile(r"^[a-z][a-z0-9_]{2,39}$")
MIN_QUESTIONS, MAX_QUESTIONS, MAX_TEXT = 3, 12, 200
RESOURCE = "staff_survey_questions"


@dataclass(frozen=True)
class Questionnaire:
    version: int
    effective_from: str | None  # None: the built-in set, always
    questions: tuple[dict[str, str], ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(q["code"] for q in self.questions)


def quarter_of(day: date) -> Period:
    return Period.parse(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def in_force(session: Session, organisation_id: int | None, quarter: Period) -> Questionnaire:
    """The latest version asked from the quarter or before it; the built-in set otherwise."""
    found = session.scalar(select(StaffSurveyQuestionnaire).where(
        StaffSurveyQuestionnaire.organisation_id == organisation_id,
        StaffSurveyQuestionnaire.effective_from <= quarter.label).order_by(StaffSurveyQuestionnaire.version.desc())
        .limit(1))
    if found is None:
        return Questionnaire(1, None, BUILT_IN)
    return Questionnaire(found.version, found.effective_from, tuple(found.questions))


def current(uow: UnitOfWork, actor: Actor) -> Questionnaire:
    POLICY.check(actor, "staff_survey_questions")
    with uow:
        return in_force(uow.session, actor.organisation_id, quarter_of(business_today()))


def next_quarter() -> Period:
    return quarter_of(quarter_of(business_today()).end + timedelta(days=1))


def upcoming(uow: UnitOfWork, actor: Actor) -> Questionnaire:
    """The questions that will be asked next quarter: what a revision starts from."""
    POLICY.check(actor, "revise_staff_survey")
    with uow:
        return in_force(uow.session, actor.organisation_id, next_quarter())


def revise(uow: UnitOfWork, actor: Actor, questions: list[dict[str, str]]) -> Questionnaire:
    """A new version of the questions, asked from the next quarter on."""
    POLICY.check(actor, "revise_staff_survey")
    if actor.organisation_id is None:
        raise Forbidden("The questions are a provider's; you have no organisation.")
    errors = ErrorCollector()
    if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        errors.add("questions", f"Between {MIN_QUESTIONS} and {MAX_QUESTIONS} questions.")
    codes = [q.get("code", "") for q in questions]
    for n, question in enumerate(questions):
        if not CODE.match(codes[n]):
            errors.add(f"questions.{n}.code", "Lower-case letters, digits and _, 3 to 40, starting with a letter.")
        elif codes.index(codes[n]) != n:
            errors.add(f"questions.{n}.code", "Given twice.")
        for language in ("nl", "en"):
            if not 5 <= len((question.get(language) or "").strip()) <= MAX_TEXT:
                errors.add(f"questions.{n}.{language}", f"The question in this language, 5 to {MAX_TEXT} characters.")
    errors.raise_if_any("The questions cannot be stored; nothing was changed.")
    following = next_quarter()
    with uow:
        session = uow.session
        latest = session.scalar(select(func.max(StaffSurveyQuestionnaire.version)).where(
            StaffSurveyQuestionnaire.organisation_id == actor.organisation_id)) or 1
        stored = StaffSurveyQuestionnaire(
            organisation_id=actor.organisation_id, version=latest + 1, effective_from=following.label,
            questions=[{"code": q["code"], "nl": q["nl"].strip(), "en": q["en"].strip()} for q in questions],
            created_by=actor.user_id)
        session.add(stored)
        session.flush()
        audit.record(session, actor, "revise", RESOURCE, stored.id, organisation_id=actor.organisation_id,
                     detail={"version": stored.version, "effective_from": stored.effective_from})
        uow.commit()
        return Questionnaire(stored.version, stored.effective_from, tuple(stored.questions))
