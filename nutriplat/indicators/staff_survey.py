"""The short quarterly staff survey behind the staff-wellbeing aim: dietitians, drivers and
kitchen staff each answer five questions on a 1–5 scale once a quarter. A response is never
shown to anyone; the parties to an agreement see, for a closed quarter, the respondents and
mean score per staff group with the reports' small-cell suppression (fewer than five
respondents, and the cells that would reveal them, are hidden)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from sqlalchemy import func, select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, InvalidInput
from nutriplat.indicators import suppression
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.models import StaffSurveyResponse
from nutriplat.indicators.policy import POLICY
from nutriplat.periods import Period

QUESTIONS: Final = ("workload_manageable", "enough_time_per_client", "supported_by_team", "work_is_meaningful",
                    "would_recommend_employer")
GROUPS: Final = {roles.DIETITIAN: ("dietitian",), roles.LOGISTICS: ("driver", "kitchen")}
STAFF_GROUPS: Final = ("dietitian", "driver", "kitchen")
RESOURCE = "staff_survey"
INDICATOR = "staff_wellbeing"


def submit(uow: UnitOfWork, actor: Actor, staff_group: str, answers: dict[str, int]) -> StaffSurveyResponse:
    POLICY.check(actor, "answer_staff_survey")
    errors = ErrorCollector()
    if staff_group not in GROUPS.get(actor.role, ()):
        errors.add("staff_group", f"Must be one of {', '.join(GROUPS.get(actor.role, ()))} for your role.")
    for question in QUESTIONS:
        if question not in answers:
            errors.add(f"answers.{question}", "Missing answer.")
        elif not isinstance(answers[question], int) or not 1 <= answers[question] <= 5:
            errors.add(f"answers.{question}", "Must be a whole number from 1 to 5.")
    for extra in sorted(set(answers) - set(QUESTIONS)):
        errors.add(f"answers.{extra}", "Not a question of the survey.")
    errors.raise_if_any("The survey answers are incomplete.")
    quarter = current_quarter()
    with uow:
        response = StaffSurveyResponse(
            organisation_id=actor.organisation_id, period=quarter.label, staff_group=staff_group,
            user_id=actor.user_id, answers={q: answers[q] for q in QUESTIONS},
            score=(Decimal(sum(answers[q] for q in QUESTIONS)) / len(QUESTIONS)).quantize(Decimal("0.01")))
        uow.session.add(response)
        flush_or_conflict(uow.session, f"You answered the staff survey of {quarter} already.",
                          {"answers": [f"Answered already for {quarter}; the next one opens next quarter."]})
        audit.record(uow.session, actor, "answer", RESOURCE, response.id, organisation_id=actor.organisation_id)
        uow.commit()
        return response


def current_quarter() -> Period:
    """The quarter a response counts for: the one it is given in (Brussels)."""
    today = business_today()
    return Period.parse(f"{today.year}Q{(today.month - 1) // 3 + 1}")


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
        agreement = load_agreement(uow.session, actor, agreement_id)
        found = {group: (count, total) for group, count, total in uow.session.execute(
            select(StaffSurveyResponse.staff_group, func.count(), func.sum(StaffSurveyResponse.score)).where(
                StaffSurveyResponse.organisation_id == agreement.organisation_id,
                StaffSurveyResponse.period == period.label).group_by(StaffSurveyResponse.staff_group))}
        cells: dict[str | None, tuple[int, Decimal]] = {
            None: (sum(c for c, _ in found.values()), sum((Decimal(t) for _, t in found.values()), Decimal(0)))}
        cells |= {group: found.get(group, (0, Decimal(0))) for group in STAFF_GROUPS}
        hidden = suppression.suppressed(
            [suppression.Cell(INDICATOR, None if group is None else "staff_group", group, count, count)
             for group, (count, _) in cells.items()], {INDICATOR: INDICATOR})
        audit.record(uow.session, actor, "read", RESOURCE, None, detail={"agreement_id": agreement.id,
                     "period": period.label}, organisation_id=agreement.organisation_id)
        uow.commit()
    rows = []
    for group, (count, total) in cells.items():
        shown = (INDICATOR, None if group is None else "staff_group", group) not in hidden
        rows.append({"staff_group": group, "suppressed": not shown, "respondents": count if shown else None,
                     "mean_score": _mean(total, count) if shown else None})
    return {"agreement_id": agreement.id, "period": period.label, "questions": list(QUESTIONS), "rows": rows}


def _mean(total: Decimal, count: int) -> str | None:
    return None if not count else str((Decimal(total) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
