"""Per client and period, the measures and flags that indicator definitions aggregate.

One row per cohort client active (status ``active``) on at least one day of the period;
the breakdown columns of ``attributes`` sit next to the measures. Pure pandas over the
frames of ``sources``, so the same code serves the report, the settlement and the tests."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from nutriplat.indicators import attributes
from nutriplat.indicators.followup import followups
from nutriplat.indicators.sources import Sources
from nutriplat.indicators.sql import day_number, midnight_epoch
from nutriplat.indicators.vocabulary import EXTERNAL_ONLY
from nutriplat.periods import Period

NEVER = 10**7  # a day number far in the future: "until further notice"


@dataclass(frozen=True)
class Prepared:
    src: Sources
    static: pd.DataFrame  # breakdowns that do not change with the period


def prepare(src: Sources) -> Prepared:
    """Index and derive once per report what every period reuses."""
    clients = src.clients.set_index("id")
    statuses = src.statuses.assign(next_day=src.statuses.groupby("client_id")["day"].shift(-1).fillna(NEVER))
    transfers = src.transfers.assign(next_day=src.transfers.groupby("client_id")["day"].shift(-1).fillna(NEVER))
    src = replace(src, clients=clients, statuses=statuses, transfers=transfers)
    return Prepared(src, attributes.static(clients))


def gaps(prep: Prepared, period: Period) -> dict[str, str]:
    """The sources without data for the period, with the reason: an indicator reading one
    has no value for it (never a 0 that looks like a result)."""
    invoiced = set(prep.src.invoiced_months["month"]) if len(prep.src.invoiced_months) else set()
    missing = [month.label for month in period.months() if month.label not in invoiced]
    found = {"invoices": f"no client invoices for {', '.join(missing)}"} if missing else {}
    return found | dict(EXTERNAL_ONLY)


def active_months(statuses: pd.DataFrame, period: Period) -> pd.Series:
    """Client-months of status ``active`` in the period (days active / days in each month)."""
    active = statuses[statuses["to_status"] == "active"]
    total = pd.Series(0.0, index=pd.Index([], name="client_id"))
    for month in period.months():
        start, end = day_number(month.start), day_number(month.end) + 1
        days = (active["next_day"].clip(upper=end) - active["day"].clip(lower=start)).clip(lower=0)
        total = total.add(days.groupby(active["client_id"]).sum() / month.days, fill_value=0.0)
    return total[total > 0]


def days_in_setting(transfers: pd.DataFrame, setting: str, first: int, last: int) -> pd.Series:
    """Per client, the days from ``first`` to ``last`` (day numbers) spent in the care setting:
    each transfer holds until the client's next one (``prepare`` adds ``next_day``)."""
    stays = transfers[transfers["to_setting"] == setting]
    days = (stays["next_day"].clip(upper=last + 1) - stays["day"].clip(lower=first)).clip(lower=0)
    return days.groupby(stays["client_id"]).sum()


def client_frame(prep: Prepared, cohort: pd.Index, period: Period) -> pd.DataFrame:
    src, first, last = prep.src, day_number(period.start), day_number(period.end)
    months = active_months(src.statuses[src.statuses["client_id"].isin(cohort)], period)
    frame = prep.static.loc[months.index].assign(client_months=months)
    index = frame.index

    def of(events: pd.DataFrame) -> pd.DataFrame:
        return events[events["client_id"].isin(index) & events["day"].between(first, last)]

    def summed(per_period: pd.DataFrame, name: str) -> pd.Series:
        column = f"{name}@{period.label}"
        if column not in per_period:  # nothing recorded at all
            return per_client(pd.Series(dtype="int64"))
        return per_client(per_period.set_index("client_id")[column].astype("int64"))

    def per_client(values: pd.Series, fill: str | float = 0) -> pd.Series:
        if isinstance(fill, str):  # a category: never let an empty float Series refuse the label
            values = values.astype(object)
        return values.reindex(index, fill_value=fill)

    frame["age_band"] = attributes.age_band(src.clients.loc[index, "birth_day"], pd.Timestamp(period.end))
    frame["care_setting"] = per_client(attributes.care_setting(src.transfers, last), "unknown")
    frame["risk_category"] = per_client(attributes.risk_category(src.screenings, first, last), "unknown")

    latest = of(src.screenings).drop_duplicates("client_id", keep="last").set_index("client_id")
    frame["screened"] = index.isin(latest.index)
    frame["at_risk"] = per_client(latest["level"] >= 1, False).astype(bool)
    frame["instrument"] = latest["instrument"].reindex(index)  # unscreened: no category
    glim = of(src.assessments).drop_duplicates("client_id", keep="last").set_index("client_id")
    frame["evaluated"] = frame["screened"] | index.isin(glim.index)
    frame["glim_malnourished"] = per_client(glim["malnourished"].astype(bool), False).astype(bool)
    for months_after in (3, 6):
        due, improved = followups(src.screenings, index, months_after, first, last)
        frame[f"followup_{months_after}m"], frame[f"improved_{months_after}m"] = due, improved

    _weights(frame, src.weights, period)
    frame["plan_days"], frame["plan_days_on_target"] = summed(src.plan_days, "days"), summed(src.plan_days,
                                                                                           "on_target")
    frame["meals"], frame["meals_75"] = summed(src.intake, "meals"), summed(src.intake, "meals_75")
    moves = of(src.transfers)
    admitted = moves[(moves["to_setting"] == "hospital") & moves["from_setting"].notna()
                     & (moves["from_setting"] != "hospital")]
    frame["admissions"] = per_client(admitted.groupby("client_id").size())
    into_home = moves[(moves["to_setting"] == "nursing_home") & moves["from_setting"].notna()
                      & (moves["from_setting"] != "nursing_home")]
    frame["nursing_home_admissions"] = per_client(into_home.groupby("client_id").size())
    frame["days_at_home"] = per_client(days_in_setting(src.transfers, "home", first, last)).astype("int64")
    frame["ed_visits"] = 0  # recorded by a cofinancer only (vocabulary.EXTERNAL_ONLY): "no value" here
    frame["deliveries_due"], frame["deliveries_on_time"] = summed(src.deliveries, "due"), summed(
        src.deliveries, "on_time")
    surveys = src.surveys[src.surveys["client_id"].isin(index) & (src.surveys["start"] >= first)
                          & (src.surveys["end"] <= last)]
    scores = surveys["mean_score"].astype(float).groupby(surveys["client_id"]).mean()
    frame["surveyed"], frame["experience_score"] = index.isin(scores.index), per_client(scores, 0.0)
    frame["service_cost_cents"] = summed(src.costs, "cents")
    return frame


def _weights(frame: pd.DataFrame, weights: dict[date, pd.DataFrame], period: Period) -> None:
    """Latest weight in the period minus the latest weight before it."""
    before = weights[period.start].set_index("client_id")
    last = weights[period.end + timedelta(days=1)].set_index("client_id")
    during = last[last["at"] >= midnight_epoch(period.start)]
    change = (during["kg"] - before["kg"].reindex(during.index)).dropna()
    change = change[change.index.isin(frame.index)]
    frame["weighed"] = frame.index.isin(change.index)
    frame["weight_change_kg"] = change.reindex(frame.index, fill_value=0.0)
