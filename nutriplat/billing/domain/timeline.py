"""A subscription's life as dated changes, replayed into spans of constant state.

A subscription starts active on its start date with its first plan. Changes take effect
at the start of their day: ``pause`` stops the bundle — deliveries, and with them the
information platform and the coaching tool, as during a hospital stay — while rented
appliances stay at home and their rental continues; ``resume``
restarts them, ``cancel`` ends everything (final), ``change_plan`` switches the plan and
``set_rental`` sets how many of one appliance the client rents (0 returns them).
Changes may lie in the future: they are scheduled and take effect on their day.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from nutriplat.periods import Month, overlap_days

ACTIVE, PAUSED, CANCELLED = "active", "paused", "cancelled"
SCHEDULED = "scheduled"  # not started yet
CHANGE_KINDS = ("pause", "resume", "cancel", "change_plan", "set_rental")


class TimelineError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class Change:
    effective_on: date
    kind: str
    plan_id: int | None = None
    appliance: str | None = None
    quantity: int | None = None


@dataclass(frozen=True)
class Span:
    start: date
    end: date | None  # exclusive; None: open-ended
    status: str
    plan_id: int
    rentals: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class _State:
    status: str
    plan_id: int
    rentals: tuple[tuple[str, int], ...]


def _apply(state: _State, change: Change) -> _State:
    kind = change.kind
    if kind == "pause" and state.status != ACTIVE:
        raise TimelineError("kind", f"Only an active subscription can be paused ({change.effective_on}).")
    if kind == "resume" and state.status != PAUSED:
        raise TimelineError("kind", f"Only a paused subscription can be resumed ({change.effective_on}).")
    if kind in ("pause", "resume", "cancel"):
        return _State({"pause": PAUSED, "resume": ACTIVE, "cancel": CANCELLED}[kind],
                      state.plan_id, state.rentals)
    if kind == "change_plan":
        if change.plan_id is None or change.plan_id == state.plan_id:
            raise TimelineError("plan_id", "Name a plan other than the current one.")
        return _State(state.status, change.plan_id, state.rentals)
    if kind == "set_rental":
        if not change.appliance or change.quantity is None or change.quantity < 0:
            raise TimelineError("appliance", "A rental change names an appliance and a quantity ≥ 0.")
        rentals = dict(state.rentals)
        if rentals.get(change.appliance, 0) == change.quantity:
            raise TimelineError("quantity", f"The client already rents {change.quantity} of this appliance.")
        rentals[change.appliance] = change.quantity
        return _State(state.status, state.plan_id,
                      tuple(sorted((a, n) for a, n in rentals.items() if n)))
    raise TimelineError("kind", f"Unknown change '{kind}'.")


def replay(start: date, plan_id: int, changes: Iterable[Change]) -> list[Span]:
    """Spans from ``start`` on, oldest first; raises TimelineError at the first change
    that does not fit (before the start, after the cancellation, or not allowed)."""
    state = _State(ACTIVE, plan_id, ())
    spans: list[Span] = []
    since = start
    for change in sorted(changes, key=lambda c: c.effective_on):  # stable: same day, recorded order
        if change.effective_on < start:
            raise TimelineError("effective_on", f"Must not be before the start ({start}).")
        if state.status == CANCELLED:
            raise TimelineError("effective_on", f"The subscription is cancelled from {since}.")
        if change.effective_on > since:
            spans.append(Span(since, change.effective_on, state.status, state.plan_id, state.rentals))
            since = change.effective_on
        state = _apply(state, change)
    if state.status != CANCELLED:
        spans.append(Span(since, None, state.status, state.plan_id, state.rentals))
    return spans


def ends_on(spans: list[Span]) -> date | None:
    """The cancellation date (first day no longer covered), or None while open."""
    return spans[-1].end if spans else None


def status_on(spans: list[Span], day: date) -> str:
    if not spans or day < spans[0].start:
        return SCHEDULED
    for span in spans:
        if span.start <= day and (span.end is None or day < span.end):
            return span.status
    return CANCELLED


@dataclass(frozen=True)
class MonthUsage:
    """What a month bills: active days per plan, and rented days per (appliance, count)
    (rental runs on while paused)."""

    plan_days: dict[int, int]
    rental_days: dict[tuple[str, int], int]
    first_billed_day: date | None


def usage(spans: list[Span], month: Month) -> MonthUsage:
    plan_days: dict[int, int] = {}
    rental_days: dict[tuple[str, int], int] = {}
    first: date | None = None
    for span in spans:
        days = overlap_days(span.start, span.end, month)
        if not days:
            continue
        if span.status == ACTIVE:
            plan_days[span.plan_id] = plan_days.get(span.plan_id, 0) + days
        for rental in span.rentals:
            rental_days[rental] = rental_days.get(rental, 0) + days
        if span.status == ACTIVE or span.rentals:
            day = max(span.start, month.first)
            first = day if first is None else min(first, day)
    return MonthUsage(plan_days, rental_days, first)
