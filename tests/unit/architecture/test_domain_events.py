"""Domain events on the unit of work: in-transaction handlers run when the event is
recorded, after-commit ones once the transaction committed and closed, none for a
transaction that was rolled back."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from nutriplat import events
from nutriplat.db import UnitOfWork


@dataclass(frozen=True)
class Happened:
    what: str


seen: list[tuple[str, str, bool]] = []


@events.handles(Happened, events.IN_TRANSACTION)
def _inside(uow: UnitOfWork, event: Happened) -> None:
    seen.append(("in", event.what, uow.session.in_transaction()))


@events.handles(Happened, events.AFTER_COMMIT)
def _after(uow: UnitOfWork, event: Happened) -> None:
    seen.append(("after", event.what, False))
    if event.what == "first":
        with uow:  # a transaction of its own, which records an event in turn
            uow.record(Happened("follow-up"))
            uow.commit()


@pytest.fixture
def uow() -> UnitOfWork:
    seen.clear()
    return UnitOfWork(sessionmaker(bind=create_engine("sqlite://")))


def test_in_transaction_handlers_run_when_the_event_is_recorded(uow: UnitOfWork) -> None:
    with uow:
        uow.session.connection()
        uow.record(Happened("now"))
        assert seen == [("in", "now", True)]


def test_after_commit_handlers_run_once_the_transaction_is_over(uow: UnitOfWork) -> None:
    with uow:
        uow.record(Happened("first"))
        uow.commit()
        assert [s[0] for s in seen] == ["in"]
    assert seen == [("in", "first", False), ("after", "first", False),
                    ("in", "follow-up", False), ("after", "follow-up", False)]


def test_a_transaction_left_uncommitted_hands_nothing_on(uow: UnitOfWork) -> None:
    with uow:
        uow.record(Happened("dropped"))
    assert [s[0] for s in seen] == ["in"]


def test_a_failure_after_the_commit_hands_nothing_on(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError), uow:
        uow.record(Happened("failed"))
        uow.commit()
        raise RuntimeError("the use case failed after its commit")
    assert [s[0] for s in seen] == ["in"]


def test_a_phase_is_in_transaction_or_after_commit() -> None:
    with pytest.raises(ValueError):
        events.handles(Happened, "later")


def test_every_area_handler_module_registers_on_first_dispatch() -> None:
    assert events.handlers_for(events.WeightRecorded, events.IN_TRANSACTION)
    assert events.handlers_for(events.DeliveryConfirmed, events.AFTER_COMMIT)
