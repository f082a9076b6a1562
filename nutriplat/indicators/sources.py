"""Load what a report needs about one provider's clients into pandas frames.

The statements (``queries.py``) are independent reads, so they run on two pooled
connections at once: the database does its part while Python builds the other frame.
Each read is a consistent snapshot of its own; the report is a statistic, and a
settlement keeps the aggregates it used, so reads a moment apart are harmless."""
from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from nutriplat.indicators import queries
from nutriplat.indicators.sql import frame
from nutriplat.periods import Period

READERS = 2


@dataclass
class Sources:
    clients: pd.DataFrame  # id, sex, birth_day, postal_code, conditions (JSON text), referral_…
    consents: pd.DataFrame  # client_id, given, withdrawn (epoch seconds)
    statuses: pd.DataFrame  # client_id, day, to_status (per client in order)
    transfers: pd.DataFrame  # client_id, day, from_setting, to_setting (per client in order)
    screenings: pd.DataFrame  # client_id, instrument, level, day (per client in order)
    assessments: pd.DataFrame  # client_id, malnourished, day (per client in order)
    surveys: pd.DataFrame  # client_id, start, end, mean_score
    weights: dict[date, pd.DataFrame]  # boundary → client_id, at, kg: the latest weight before it
    intake: pd.DataFrame  # client_id, meals@…, meals_75@… (one column per period)
    plan_days: pd.DataFrame  # client_id, days@…, on_target@…
    deliveries: pd.DataFrame  # client_id, due@…, on_time@…
    costs: pd.DataFrame  # client_id, cents@…
    invoiced_months: pd.DataFrame  # month ("2026-09"): months with any client invoice


def boundaries(periods: Sequence[Period]) -> list[date]:
    return sorted({p.start for p in periods} | {p.end + timedelta(days=1) for p in periods})


def load(session: Session, organisation_id: int, periods: Sequence[Period], today: date) -> Sources:
    engine: Engine = session.get_bind()  # type: ignore[assignment]
    scope = queries.Scope(organisation_id, tuple(periods), today, engine.dialect.name)
    statements: dict[Any, Select[*tuple[Any, ...]]] = {("weights", day): queries.latest_weight(scope, day)
                                          for day in boundaries(periods)}
    statements |= queries.histories(scope) | queries.volumes(scope)
    frames = _read(engine, statements)
    weights = {key[1]: frames.pop(key).drop_duplicates("client_id")  # two weighings at one moment: one
               for key in list(frames) if isinstance(key, tuple)}
    return Sources(weights=weights, **frames)


def _read(engine: Engine, statements: dict[Any, Select[*tuple[Any, ...]]]) -> dict[Any, pd.DataFrame]:
    def read(statement: Select[*tuple[Any, ...]]) -> pd.DataFrame:
        with engine.connect() as connection:
            return frame(connection, statement)

    with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="indicator-read") as pool:
        futures = {key: pool.submit(read, statement) for key, statement in statements.items()}
        return {key: future.result() for key, future in futures.items()}
