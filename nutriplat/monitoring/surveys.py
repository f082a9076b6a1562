"""Experience surveys: one per client and period (a month, quarter or year)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.monitoring.policy import POLICY
from nutriplat.periods import Period
from nutriplat.monitoring import experience
from nutriplat.monitoring.models import ExperienceSurvey

RESOURCE = "experience_survey"


def record_survey(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> ExperienceSurvey:
    POLICY.check(actor, "record_survey")
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        errors = ErrorCollector()
        for field, reason in experience.answer_errors(data["answers"]).items():
            errors.add(field, reason)
        try:
            period = Period.parse(data["period"])
        except ValueError as error:
            errors.add("period", str(error))
        else:
            if data["answered_on"] < period.start:
                errors.add("answered_on", f"The period {period} has not started by then.")
        errors.raise_if_any()
        if uow.session.scalar(select(ExperienceSurvey.id).where(
                ExperienceSurvey.client_id == client.id, ExperienceSurvey.period == period.label)):
            raise Conflict(f"The survey for {period} is already recorded.", {"period": ["Already recorded."]})
        survey = ExperienceSurvey(
            organisation_id=client.organisation_id, client_id=client.id, period=period.label,
            period_start=period.start, period_end=period.end, answered_on=data["answered_on"],
            respondent=data["respondent"], answers=data["answers"],
            mean_score=experience.mean_score(data["answers"]), recorded_by=actor.user_id)
        uow.session.add(survey)
        uow.session.flush()
        audit.record(uow.session, actor, "create", RESOURCE, survey.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return survey


def list_surveys(uow: UnitOfWork, actor: Actor, client_id: int) -> list[ExperienceSurvey]:
    POLICY.check(actor, "list_surveys")
    with uow:
        client = load_client(uow.session, actor, client_id)
        surveys = list(uow.session.scalars(select(ExperienceSurvey).where(
            ExperienceSurvey.client_id == client.id).order_by(ExperienceSurvey.period_start)))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return surveys
