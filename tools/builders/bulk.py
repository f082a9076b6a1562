"""Rows written in bulk: SQLAlchemy Core ``insert`` executemany in chunks of ``CHUNK``
(psycopg batches them into multi-row statements), one transaction per table, instead of
one ORM object per row. For generated data: benchmarks and scenarios."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Engine

CHUNK = 50_000
Rows = Iterator[dict[str, Any]]


def write_rows(engine: Engine, model: Any, rows: Iterable[dict[str, Any]],
               progress: Callable[[int], None] | None = None) -> int:
    """Insert every row of ``rows`` into ``model``'s table; how many. ``progress`` is told
    each chunk's size as it is written."""
    chunk: list[dict[str, Any]] = []
    written = 0
    with engine.begin() as connection:
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                written += _flush(connection, model, chunk, progress)
                chunk = []
        if chunk:
            written += _flush(connection, model, chunk, progress)
    return written


def _flush(connection: Any, model: Any, chunk: list[dict[str, Any]], progress: Callable[[int], None] | None) -> int:
    connection.execute(insert(model.__table__), chunk)
    if progress is not None:
        progress(len(chunk))
    return len(chunk)
