"""The staff survey as a population that indicator definitions aggregate, next to the
client frame: one row per answered survey of the provider's staff (``staff_survey``), with
its staff group and score. A definition reading a staff measure or flag
(``vocabulary.STAFF_MEASURES``/``STAFF_FLAGS``) counts respondents, never clients; its one
breakdown is the staff group, suppressed like every other cell (fewer than five
respondents is never shown)."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.indicators.models import StaffSurveyResponse
from nutriplat.periods import Period

DIMENSION = "staff_group"
SOURCE = "staff_survey"


def quarters(period: Period) -> set[str]:
    """The survey quarters a reporting period holds (a month holds none whole)."""
    if period.kind == "month":
        return set()
    return {f"{m.start.year}Q{(m.start.month - 1) // 3 + 1}" for m in period.months()}


def load(session: Session, organisation_id: int, periods: Sequence[Period]) -> pd.DataFrame:
    """The responses of the quarters of the periods; no person: the user is not read."""
    wanted = set().union(*(quarters(p) for p in periods))
    found = session.execute(select(StaffSurveyResponse.period, StaffSurveyResponse.staff_group,
                                   StaffSurveyResponse.score).where(
        StaffSurveyResponse.organisation_id == organisation_id, StaffSurveyResponse.period.in_(wanted)))
    return pd.DataFrame([(p, g, float(s)) for p, g, s in found], columns=["period", DIMENSION, "staff_score"])


def of_period(responses: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The rows a definition aggregates for the period: every response of its quarters."""
    rows = responses[responses["period"].isin(quarters(period))].reset_index(drop=True)
    return rows.assign(staff_respondent=True)


def missing(responses: pd.DataFrame, period: Period) -> str | None:
    """No response at all is no value, never a score."""
    if responses["period"].isin(quarters(period)).any():
        return None
    return f"no staff survey responses for {period.label}"
