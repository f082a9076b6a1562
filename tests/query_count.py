"""Counting the SQL statements a request sends: the list endpoints' N+1 guard."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


class Statements:
    """The statements sent to the database while the context was open (an executemany is one)."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def __len__(self) -> int:
        return len(self.sent)

    def __call__(self, _connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.sent.append(statement)


@contextmanager
def counting_statements(engine: Engine) -> Iterator[Statements]:
    """``with counting_statements(engine) as sent: ...; len(sent)``."""
    statements = Statements()
    event.listen(engine, "before_cursor_execute", statements)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", statements)
