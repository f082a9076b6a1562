"""When the next screening is due: performed date + an interval by instrument, risk and
the client's care setting on the screening date.

MUST, MNA-SF, NRS-2002 and SNAQ65+ follow the spec. The spec names no interval for SNAQ or
EAT-10; the product defaults below are ours and documented as such:
- SNAQ (a hospital tool) follows the MUST pattern by analogous risk: hospital +7 days,
  nursing home +1 month, home not/moderately/severely malnourished +12/+2/+1 months.
- EAT-10 follows the MNA-SF product default: normal +12 months at home, +3 months in a
  nursing home or hospital; swallowing_problem_suspected +1 month.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .common import add_months
from .errors import ScreeningInputError

Interval = tuple[str, int]  # ("days", 7) or ("months", 12)
WEEK: Interval = ("days", 7)


def _months(n: int) -> Interval:
    return ("months", n)


def _must_like(home: dict[str, int]) -> Callable[[str, str | None], Interval]:
    def rule(risk: str, setting: str | None) -> Interval:
        if setting == "hospital":
            return WEEK
        if setting == "nursing_home":
            return _months(1)
        return _months(home[risk])
    return rule


def _normal_or_monthly(normal: str) -> Callable[[str, str | None], Interval]:
    def rule(risk: str, setting: str | None) -> Interval:
        if risk != normal:
            return _months(1)
        return _months(12 if setting == "home" else 3)
    return rule


RULES: dict[str, Callable[[str, str | None], Interval]] = {
    "must": _must_like({"low": 12, "medium": 2, "high": 1}),
    "mna_sf": _normal_or_monthly("normal"),
    "nrs_2002": lambda risk, setting: WEEK,
    "snaq": _must_like({"not_malnourished": 12, "moderately_malnourished": 2,
                        "severely_malnourished": 1}),
    "snaq65": lambda risk, setting: _months({"red": 1, "orange": 3, "green": 12}[risk]),
    "eat_10": _normal_or_monthly("normal"),
}

# Instruments whose interval reads the care setting; a screening for them needs one.
SETTING_DEPENDENT = frozenset({"must", "mna_sf", "snaq", "eat_10"})


def setting_needed(instrument: str) -> str:
    return (f"the client's care setting on the screening date is needed "
            f"for the {instrument} next due date")


def interval(instrument: str, risk: str, care_setting: str | None) -> Interval:
    if instrument not in RULES:
        raise ValueError(f"unknown instrument {instrument!r}")
    if instrument in SETTING_DEPENDENT and care_setting is None:
        raise ScreeningInputError({"care_setting": [setting_needed(instrument)]})
    return RULES[instrument](risk, care_setting)


def next_due(instrument: str, risk: str, care_setting: str | None, performed_on: date) -> date:
    """Performed date + the interval; months are calendar months clamped to the month end
    (31 January + 1 month = 28/29 February)."""
    unit, n = interval(instrument, risk, care_setting)
    return performed_on + timedelta(days=n) if unit == "days" else add_months(performed_on, n)
