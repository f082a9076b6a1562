"""Emptying the tables a test wrote to: after each test, or after a module that shares one data set."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from nutriplat.models import metadata


def _tables_with_rows(connection) -> set[str]:  # type: ignore[no-untyped-def]
    """The tables a test wrote to, found in one round trip: emptying only those keeps the
    teardown cheap (a DELETE on each of a hundred empty tables cost more than most tests)."""
    preparer = connection.dialect.identifier_preparer
    probes = " UNION ALL ".join(
        f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM {preparer.format_table(table)})"
        for table in metadata.sorted_tables)
    return {name for (name,) in connection.execute(text(probes))}


def empty_tables(engine: Engine) -> None:
    with engine.begin() as connection:
        written = _tables_with_rows(connection)
        # A key that closes a cycle (``use_alter``: a client's account and its record) is
        # left out of the table order, so it is cleared before the rows go.
        for table in metadata.sorted_tables:
            if table.name in written:
                for key in table.foreign_keys:
                    if key.use_alter:
                        connection.execute(table.update().values({key.parent.name: None}))
        for table in reversed(metadata.sorted_tables):
            if table.name in written:
                connection.execute(table.delete())
