"""SQL pieces for the report's reads that give the same plain numbers on SQLite and
PostgreSQL: dates as day numbers (days since 1970-01-01), timestamps as epoch seconds,
and a frame straight from the driver, so millions of rows load without SQLAlchemy
building an object per row."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import BigInteger, Float, Integer, Numeric, Select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.engine import Connection
from sqlalchemy.sql.functions import FunctionElement

from nutriplat.monitoring.rule_inputs import midnight

EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    return (day - EPOCH).days


def midnight_epoch(day: date) -> int:
    return int(midnight(day).timestamp())


class epoch_seconds(FunctionElement[int]):  # noqa: N801 (SQL functions read as such)
    type = BigInteger()
    inherit_cache = True


class day_of(FunctionElement[int]):  # noqa: N801
    type = Integer()
    inherit_cache = True


def _arg(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return compiler.process(element.clauses, **kw)


@compiles(epoch_seconds)
def _epoch_sqlite(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return f"CAST(strftime('%s', {_arg(element, compiler, **kw)}) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _epoch_postgres(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {_arg(element, compiler, **kw)})) AS BIGINT)"


@compiles(day_of)
def _day_sqlite(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return f"CAST(julianday({_arg(element, compiler, **kw)}) - 2440587.5 AS INTEGER)"


@compiles(day_of, "postgresql")
def _day_postgres(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return f"({_arg(element, compiler, **kw)} - DATE '1970-01-01')"


def frame(connection: Connection, stmt: Select[tuple[object, ...]]) -> pd.DataFrame:
    """The rows as the driver returns them, skipping SQLAlchemy's per-row processing:
    every selected value must already be a plain number or string. Columns are built
    with the dtype their SQL type says, not inferred value by value."""
    result = connection.execute(stmt)
    columns = list(result.keys())
    rows = result.cursor.fetchall()  # type: ignore[attr-defined]
    result.close()
    kinds = [_kind(column.type) for column in stmt.selected_columns]
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pd.DataFrame({name: _array(data, kind) for name, data, kind in zip(columns, values, kinds)})


def _kind(sql_type: object) -> str:
    if isinstance(sql_type, Integer):  # BigInteger is an Integer
        return "int"
    return "float" if isinstance(sql_type, (Float, Numeric)) else "object"


def _array(data: tuple[object, ...], kind: str) -> np.ndarray:  # type: ignore[type-arg]
    if kind == "int":
        try:
            return np.array(data, dtype=np.int64)
        except TypeError:  # NULLs: NaN where missing
            return np.array(data, dtype=np.float64)
    if kind == "float":
        return np.array(data, dtype=np.float64)
    return np.array(data, dtype=object)
