"""The short quarterly staff survey behind the staff-wellbeing aim: dietitians, drivers and
kitchen staff each answer the questions in force (``staff_questions``: five built-in ones unless the
provider revised them) on a 1–5 scale once a quarter. A response is never
shown to anyone; the parties to an agreement see, for a closed quarter, the respondents and
mean score per staff group with the reports' small-cell suppression (fewer than five
respondents, and the cells that would reveal them, are hidden)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, InvalidInput
from nutriplat.indicators import aggregate, definitions, report_computation, staff_frame, staff_questions
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.models import StaffSurveyResponse
from nutriplat.indicators.policy import POLICY
from nutriplat.periods import Period

QUESTIONS: Final = tuple(q["code"] for q in staff_questions.BUILT_IN)  # version 1, the built-in set
GROUPS: Final = {roles.DIETITIAN: ("dietitian",), roles.LOGISTICS: ("driver", "kitchen")}
STAFF_GROUPS: Final = ("dietitian", "driver", "kitchen")
RESOURCE = "staff_survey"
INDICATOR = "staff_wellbeing"


def submit(uow: UnitOfWork, actor: Actor, staff_group: str, answers: dict[str, int]) -> StaffSurveyResponse:
    """An answer to each question of the version in force this quarter (``staff_questions``)."""
    POLICY.check(actor, "answer_staff_survey")
    quarter = current_quarter()
    with uow:
        asked = staff_questions.in_force(uow.session, actor.organisation_id, quarter)
        errors = ErrorCollector()
        if staff_group not in GROUPS.get(actor.role, ()):
            errors.add("staff_group", f"Must be one of {', '.join(GROUPS.get(actor.role, ()))} for your role.")
        for question in asked.codes:
            if question not in answers:
                errors.add(f"answers.{question}", "Missing answer.")
            elif not isinstance(answers[question], int) or not 1 <= answers[question] <= 5:
                errors.add(f"answers.{question}", "Must be a whole number from 1 to 5.")
        for extra in sorted(set(answers) - set(asked.codes)):
            errors.add(f"answers.{extra}", "Not a question of the survey.")
        errors.raise_if_any("The survey answers are incomplete.")
        response = StaffSurveyResponse(
            organisation_id=actor.organisation_id, period=quarter.label, staff_group=staff_group,
            user_id=actor.user_id, answers={q: answers[q] for q in asked.codes}, questionnaire_version=asked.version,
            score=(Decimal(sum(answers[q] for q in asked.codes)) / len(asked.codes)).quantize(Decimal("0.01")))
        uow.session.add(response)
        flush_or_conflict(uow.session, f"You answered the staff survey of {quarter} already.",
                          {"answers": [f"Answered already for {quarter}; the next one opens next quarter."]})
        audit.record(uow.session, actor, "answer", RESOURCE, response.id, organisation_id=actor.organisation_id)
        uow.commit()
        return response


def current_quarter() -> Period:
    """The quarter a response counts for: the one it is given in (Brussels)."""
    return staff_questions.quarter_of(business_today())


def summary(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str) -> dict[str, Any]:
    """The provider's staff wellbeing for a closed quarter: per staff group and in total."""
    POLICY.check(actor, "staff_wellbeing")
    try:
        period = Period.parse(period_text)
    except ValueError as error:
        raise InvalidInput("The period cannot be reported.", {"period": [str(error)]}) from None
    if period.kind != "quarter" or not period.is_complete(business_today()):
        raise InvalidInput("The period cannot be reported.", {"period": ["Must be a closed quarter, e.g. 2026Q3."]})
    with uow:
        session = uow.session
        agreement = load_agreement(session, actor, agreement_id)
        rows = _rows(session, agreement.organisation_id, period)
        asked = staff_questions.in_force(session, agreement.organisation_id, period)
        audit.record(session, actor, "read", RESOURCE, None, detail={"agreement_id": agreement.id,
                     "period": period.label}, organisation_id=agreement.organisation_id)
        uow.commit()
    return {"agreement_id": agreement.id, "period": period.label, "questions": list(asked.codes), "rows": rows}


def _rows(session: Session, organisation_id: int, period: Period) -> list[dict[str, Any]]:
    """Through the built-in ``staff_wellbeing`` definition and the report's own suppression
    (``report_computation.rows_of``): one computation for the summary and every report row."""
    definitions.ensure_starter_set(session)
    definition = Definition.of(definitions.by_code(session, INDICATOR))
    frame = staff_frame.of_period(staff_frame.load(session, organisation_id, [period]), period)
    found = aggregate.figures(frame, [definition], [staff_frame.DIMENSION])
    present = {f.category for f in found}
    found += [aggregate.Figure(INDICATOR, staff_frame.DIMENSION, group, Decimal(0), Decimal(0), 0, 0)
              for group in STAFF_GROUPS if group not in present]  # no respondents: shown as 0
    by_group = {row.disaggregation.get(staff_frame.DIMENSION): row for row in report_computation.rows_of(
        found, {INDICATOR: definition}, {INDICATOR: INDICATOR}, period)}
    return [{"staff_group": group, "suppressed": by_group[group].suppressed,
             "respondents": None if by_group[group].suppressed else int(by_group[group].denominator or 0),
             "mean_score": None if by_group[group].value is None else str(by_group[group].value)}
            for group in (None, *STAFF_GROUPS)]
