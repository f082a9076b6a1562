"""Risk follow-up after N months: did the harmonised risk category go down?

Baseline: the client's first malnutrition screening. Follow-up: the screening closest to
N calendar months after it (within WINDOW_DAYS either side; the later one on a tie). A
client counts in the period in which that follow-up was performed, once, and only when
at risk (medium or high) at baseline, since a low risk cannot improve."""
from __future__ import annotations

import pandas as pd

WINDOW_DAYS = 31
EPOCH = pd.Timestamp("1970-01-01")


def shift_months(days: pd.Series, months: int) -> pd.Series:
    """Day numbers moved by calendar months (clamped to the month's end)."""
    moved = pd.to_datetime(days, unit="D") + pd.DateOffset(months=months)
    return (moved - EPOCH).dt.days


def followups(screenings: pd.DataFrame, clients: pd.Index, months: int, first: int,
              last: int) -> tuple[pd.Series, pd.Series]:
    """(followed up in the period, improved), as booleans per client of ``clients``."""
    mine = screenings[screenings["client_id"].isin(clients)]
    baseline = mine.drop_duplicates("client_id", keep="first").set_index("client_id")
    baseline = baseline[baseline["level"] >= 1]
    later = mine[mine["client_id"].isin(baseline.index)]
    base_day = later["client_id"].map(baseline["day"])
    distance = (later["day"] - later["client_id"].map(shift_months(baseline["day"], months))).abs()
    later = later.assign(distance=distance)[(later["day"] > base_day) & (distance <= WINDOW_DAYS)]
    chosen = later.sort_values(["client_id", "distance", "day"], ascending=[True, True, False]) \
        .drop_duplicates("client_id").set_index("client_id")
    chosen = chosen[chosen["day"].between(first, last)]
    improved = chosen["level"] < baseline["level"].reindex(chosen.index)
    return (pd.Series(clients.isin(chosen.index), index=clients),
            improved.reindex(clients, fill_value=False).astype(bool))
