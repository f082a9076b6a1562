"""What a report may break its figures down by. Each breakdown gives every client exactly
one category, so a breakdown's cells always add up to its total (the suppression relies
on that): a client with several conditions counts under the first in CONDITION_ORDER."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nutriplat.clients.vocabulary import CONDITIONS
from nutriplat.screening.domain import RISKS

AGE_BANDS = ((85, "85+"), (75, "75-84"), (65, "65-74"), (0, "<65"))
# Postal areas of West Flanders at arrondissement scale: coarse enough to report on.
REGIONS = {"80": "Brugge", "83": "Brugge", "84": "Oostende", "85": "Kortrijk", "86": "Westhoek",
           "87": "Tielt", "88": "Roeselare", "89": "Ieper"}
CONDITION_ORDER = CONDITIONS
LEVELS = ("low", "medium", "high")


def risk_level(instrument: str, risk: str) -> int:
    """Risk categories harmonised over instruments: 0 low, 1 medium, 2 high. A two-way
    instrument (NRS-2002, GLIM) maps onto low and high."""
    order = RISKS[instrument]
    return round(order.index(risk) * 2 / (len(order) - 1))


def has_condition(conditions: pd.Series, condition: str) -> pd.Series:
    """Per client, whether the JSON list of conditions (as stored) names ``condition``."""
    return conditions.fillna("").str.contains(f'"{condition}"', regex=False)


def static(clients: pd.DataFrame) -> pd.DataFrame:
    """Breakdowns that do not depend on the period: sex, region, first condition."""
    postal = clients["postal_code"].astype(object).where(clients["postal_code"].notna(), "")
    conditions = [has_condition(clients["conditions"], c).to_numpy() for c in CONDITION_ORDER]
    return pd.DataFrame({
        "sex": clients["sex"].to_numpy(),
        "region": postal.str[:2].map(REGIONS).fillna("other").to_numpy(),
        "condition": np.select(conditions, list(CONDITION_ORDER), "none") if conditions else "none",
    }, index=clients.index)


def age_years(birth: pd.Series, on: pd.Timestamp) -> pd.Series:
    """Completed years on ``on``, from birth dates as day numbers."""
    born = pd.to_datetime(birth, unit="D")
    return on.year - born.dt.year - ((born.dt.month * 100 + born.dt.day) > on.month * 100 + on.day)


def age_band(birth: pd.Series, on: pd.Timestamp) -> pd.Series:
    age = age_years(birth, on)
    bands = np.select([age >= low for low, _ in AGE_BANDS], [label for _, label in AGE_BANDS], "<65")
    return pd.Series(bands, index=birth.index)


def latest_on_or_before(events: pd.DataFrame, day: int, column: str) -> pd.Series:
    """Per client, ``column`` of the last event (frames are in time order) on or before ``day``."""
    before = events[events["day"] <= day]
    return before.drop_duplicates("client_id", keep="last").set_index("client_id")[column]


def care_setting(transfers: pd.DataFrame, day: int) -> pd.Series:
    return latest_on_or_before(transfers, day, "to_setting")


def risk_category(screenings: pd.DataFrame, start: int, end: int) -> pd.Series:
    """The harmonised category at the start of the period (latest screening on or before
    it), else at the first screening in the period."""
    at_start = latest_on_or_before(screenings, start, "level")
    during = screenings[(screenings["day"] > start) & (screenings["day"] <= end)]
    first = during.drop_duplicates("client_id", keep="first").set_index("client_id")["level"]
    levels = at_start.combine_first(first)
    return levels.map(lambda level: LEVELS[int(level)])
