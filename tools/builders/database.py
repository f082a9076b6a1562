"""A fresh, migrated database for a benchmark or a scenario: an existing PostgreSQL
database is emptied first (its public schema dropped), SQLite is created by migrating."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from nutriplat import migrate
from nutriplat.db import make_engine, make_session_factory


def fresh(url: str) -> sessionmaker[Session]:
    if url.startswith("postgresql"):
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    migrate.upgrade(url)
    return make_session_factory(make_engine(url))
