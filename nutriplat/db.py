"""Database plumbing: the declarative base, portable column types and the unit of work.

Services receive a ``UnitOfWork`` and own the transaction boundary (cosmicpython);
nothing here knows about Flask.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, MetaData, create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from nutriplat import clock, events
from nutriplat.conflicts import Errors, conflicts

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps are stored in UTC and always come back timezone-aware, also on
    SQLite, which has no timezone type."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON}


def utcnow() -> datetime:
    return clock.now()


def make_engine(url: str, echo: bool = False, **kwargs: Any) -> Engine:
    kwargs["echo"] = echo
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    elif "poolclass" not in kwargs:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


# Rows that are written even when their transaction fails (session.info key).
_SURVIVORS = "nutriplat.survivors"
log = logging.getLogger(__name__)


def add_surviving(session: Session, row: Any) -> None:
    """Add ``row`` to the transaction, and write it on its own if the transaction is
    rolled back or left uncommitted: the audit of a refused access outlives the
    request it refuses."""
    session.add(row)
    session.info.setdefault(_SURVIVORS, []).append(row)


class UnitOfWork:
    """One business transaction. ``with uow:`` opens a session; leaving the block
    without ``commit()`` rolls everything back, so a failed command writes nothing
    (except the rows given to ``add_surviving``)."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self._recorded: list[Any] = []  # domain events of this transaction
        self._committed: list[Any] = []
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        # close() discards anything uncommitted without expiring what was loaded, so
        # the objects a service returns stay readable; rollback() would expire them.
        if exc_type is not None:
            self.session.rollback()
        survivors = self.session.info.pop(_SURVIVORS, [])
        self.session.close()
        if survivors:
            self._write_survivors(survivors)
        committed, self._committed = self._committed, []
        if exc_type is None:
            for recorded in committed:  # after commit, each handler in transactions of its own
                events.dispatch(self, recorded, events.AFTER_COMMIT)

    def commit(self, conflict: str | None = None, errors: Errors = None,
               stale: str | None = None) -> None:
        """Commit; a write a concurrent request won raises ``WriteConflict`` (409) with
        the caller's ``conflict`` message (see ``nutriplat.conflicts``)."""
        with conflicts(conflict, errors, stale):
            self.session.commit()
        self.session.info.pop(_SURVIVORS, None)  # written with the transaction
        self._committed += self._recorded
        self._recorded = []

    def record(self, event: Any) -> None:
        """A domain event of this transaction (``nutriplat.events``): in-transaction
        handlers run now, in this session; after-commit ones once it committed."""
        self._recorded.append(event)
        events.dispatch(self, event, events.IN_TRANSACTION)

    def _write_survivors(self, rows: list[Any]) -> None:
        """In a transaction of their own, after the failed one let go of its locks;
        fresh copies, since the rolled-back rows may carry a primary key."""
        session = self._session_factory()
        try:
            session.add_all(_fresh_copy(row) for row in rows)
            session.commit()
        except SQLAlchemyError:  # never let the audit hide the request's own error
            log.exception("could not write %d surviving rows", len(rows))
            session.rollback()
        finally:
            session.close()


def _fresh_copy(row: Any) -> Any:
    mapper = inspect(row).mapper
    keys = [c.key for c in mapper.column_attrs if not any(col.primary_key for col in c.columns)]
    return mapper.class_(**{key: getattr(row, key) for key in keys})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit so views can dump what a service returned.
    return sessionmaker(bind=engine, expire_on_commit=False)
