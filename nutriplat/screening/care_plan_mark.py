"""Keep the client's care-plan mark in step with their latest malnutrition result."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from nutriplat.screening import domain
from nutriplat.screening.models import Assessment, CarePlanMark, Screening
from nutriplat.screening.targets_in_force import latest_result


def _pair(result: Screening | Assessment) -> tuple[str, str]:
    if isinstance(result, Screening):
        return result.instrument, result.risk
    return "glim", "malnourished" if result.malnourished else "not_malnourished"


def _detail(result: Screening | Assessment) -> str:
    if isinstance(result, Screening):
        return "" if result.total_score is None else f" (score {result.total_score})"
    return f" (stage {result.stage})" if result.stage else ""


def refresh_mark(session: Session, client_id: int, new: Screening | Assessment, on: date) -> CarePlanMark:
    """The mark follows the latest malnutrition screening or GLIM result (EAT-10 screens
    swallowing and leaves it alone): set with its cause when that result needs a
    nutritional care plan, cleared when it does not."""
    session.flush()
    mark = session.get(CarePlanMark, client_id) or CarePlanMark(client_id=client_id, needed=False)
    session.add(mark)
    pair = latest_result(session, client_id, on)
    if pair is None or pair != _pair(new):
        return mark  # an EAT-10, or a back-dated result older than the latest one
    decision = domain.needs_care_plan(pair)
    if decision.needed:
        mark.since = mark.since if mark.needed else on
        mark.needed, mark.cause = True, f"{decision.cause}{_detail(new)} on {on.isoformat()}"
    else:
        mark.needed, mark.cause, mark.since = False, None, None
    mark.screening_id = new.id if isinstance(new, Screening) else None
    mark.assessment_id = new.id if isinstance(new, Assessment) else None
    return mark
