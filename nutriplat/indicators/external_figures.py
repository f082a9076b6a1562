"""A cofinancer's imported figures inside the report: an indicator whose agreed data source
is that cofinancer reads the source's per-client figures for its measures (``external_csv.
MEASURES``) instead of the platform's; a period with a month the source has not covered
yet has no value (never a 0)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.indicators.models.external import ExternalFigure, ExternalImport
from nutriplat.periods import Period


@dataclass(frozen=True)
class Imported:
    months: frozenset[str]
    figures: pd.DataFrame  # client_id, month, measure, value (float)


def load(session: Session, agreement_id: int, sources: Iterable[str]) -> dict[str, Imported]:
    found = {}
    for source in set(sources):
        months = session.scalars(select(ExternalImport.months).where(
            ExternalImport.agreement_id == agreement_id, ExternalImport.source == source))
        rows = session.execute(select(ExternalFigure.client_id, ExternalFigure.month, ExternalFigure.measure,
                                      ExternalFigure.value).where(ExternalFigure.agreement_id == agreement_id,
                                                                  ExternalFigure.source == source)).all()
        figures = pd.DataFrame([(c, m, n, float(v)) for c, m, n, v in rows],
                               columns=["client_id", "month", "measure", "value"])
        found[source] = Imported(frozenset(month for each in months for month in each), figures)
    return found


def missing(source: str, imported: Imported | None, period: Period) -> str | None:
    """Why the source has no value for the period, or None when it covers every month."""
    covered = imported.months if imported else frozenset()
    absent = [month.label for month in period.months() if month.label not in covered]
    return f"no figures from {source} for {', '.join(absent)}" if absent else None


def applied(frame: pd.DataFrame, imported: Imported, period: Period) -> pd.DataFrame:
    """The client frame with the source's figures in place of the platform's measures."""
    months = {month.label for month in period.months()}
    rows = imported.figures[imported.figures["month"].isin(months)]
    replaced = frame.copy()
    for measure in sorted(set(rows["measure"])):
        mine = rows[rows["measure"] == measure]
        per_client = mine.groupby("client_id")["value"].sum()
        replaced[measure] = per_client.reindex(frame.index, fill_value=0).astype(frame[measure].dtype)
    return replaced
