"""Posting a group of clients' consumption for the days before the run, once per day.

A day's consumption comes from the intake records when any were recorded that day (the
meals eaten took their planned items: a thawed meal is not refrozen, eaten or not), else
from the approved plan's slots the client usually eats ("usual", ``domain.eating``; the
whole plan while too few days have records). Days away consume nothing. Units are taken first-expiry-first-out
from lots still good that day; what was planned but not at home is kept as a shortfall.
Afterwards units past their expiry date are written off ("expiry")."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, insert, null, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.models import CareSettingTransfer, StatusChange
from nutriplat.inventory.domain import LotStock, allocate_fefo
from nutriplat.inventory.domain.eating import eaten_slots
from nutriplat.inventory.domain.presence import days_at_home
from nutriplat.inventory.domain.projection import days as each_day
from nutriplat.inventory.domain.units import units_per_day
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import ConsumptionPosting, StockMove
from nutriplat.inventory.reorder.intake import recorded_meals
from nutriplat.inventory.reorder.report import ReorderReport
from nutriplat.inventory.reorder.snapshot import ClientState, HeldLot

LOOKBACK_DAYS = 7  # a run catches up a week it missed, no more


def unposted_since(session: Session, ids: list[int], run_date: date) -> date:
    """The first day any of the clients still needs posted (the plan is read from there)."""
    start = run_date - timedelta(days=LOOKBACK_DAYS)
    last = dict(session.execute(select(ConsumptionPosting.client_id, func.max(ConsumptionPosting.day)).where(
        ConsumptionPosting.client_id.in_(ids), ConsumptionPosting.day >= start).group_by(
        ConsumptionPosting.client_id)).all())
    return min([max(start, last[c] + timedelta(days=1)) if c in last else start for c in ids], default=run_date)


def post_consumption(session: Session, actor: Actor, ledger: Ledger, states: dict[int, ClientState],
                     run_date: date, report: ReorderReport) -> None:
    ids = [cid for cid, s in states.items() if s.homes]
    if not ids:
        return
    start = run_date - timedelta(days=LOOKBACK_DAYS)
    done = set(session.execute(select(ConsumptionPosting.client_id, ConsumptionPosting.day).where(
        ConsumptionPosting.client_id.in_(ids), ConsumptionPosting.day >= start)).all())
    first = dict(session.execute(select(StockMove.client_id, func.min(StockMove.moved_on)).where(
        StockMove.client_id.in_(ids), StockMove.kind == "delivery").group_by(StockMove.client_id)).all())
    presence = _histories(session, ids)
    eaten = recorded_meals(session, ids, start, run_date)
    moves: dict[int, list[Move]] = defaultdict(list)
    postings = []
    for cid in ids:
        if cid not in first:
            continue  # nothing was ever delivered: nothing to eat from stock
        state, days = states[cid], list(each_day(max(start, first[cid]), run_date))
        statuses, settings = presence.get(cid, ([], []))
        home = days_at_home(days, statuses, settings, state.client.status, state.client.care_setting)
        for day in days:
            if (cid, day) in done:
                continue
            source, items = "away", []
            if day in home:
                items = state.plan.get(day, [])
                recorded = eaten.get((cid, day))
                slots = eaten_slots(recorded, state.usual)
                source = ("none" if not items else "intake" if recorded is not None
                          else "plan" if slots is None else "usual")
                items = [i for i in items if slots is None or i.slot in slots]
            needed = units_per_day((day, i.product, i.portions) for i in items).get(day, {})
            shortfall = _take(state, needed, day, moves[state.client.organisation_id])
            postings.append({"client_id": cid, "day": day, "source": source, "shortfall": shortfall or null()})
            report.count("consumption_days")
            report.count("stock_outs", bool(shortfall))
            audit.record(session, actor, "create", "consumption_posting", day.isoformat(), cid,
                         detail={"source": source, "shortfall": shortfall or None},
                         organisation_id=state.client.organisation_id)
        _write_off_expired(state, run_date, moves[state.client.organisation_id], report)
    for organisation_id, org_moves in moves.items():
        ledger.post(org_moves, organisation_id, returning=False)
        report.count("stock_moves", len(org_moves))
    if postings:
        session.execute(insert(ConsumptionPosting), postings)


def _take(state: ClientState, needed: dict, day: date, moves: list[Move]) -> dict[str, int]:
    """Consume ``needed`` (product → units) from the state's lots, updating them."""
    shortfall = {}
    for product, units in sorted(needed.items()):
        held = state.held.get(product, [])
        taken = allocate_fefo([LotStock(i, h.expiry_date, h.quantity) for i, h in enumerate(held)], units, day)
        for allocation in taken:
            lot = held[allocation.lot_id]
            moves.append(Move("consumption", lot.lot_id, allocation.quantity, lot.location_id, None, day,
                              client_id=state.client.id))
            held[allocation.lot_id] = HeldLot(lot.location_id, lot.lot_id, lot.variant_id, lot.expiry_date,
                                              lot.quantity - allocation.quantity)
        missing = units - sum(a.quantity for a in taken)
        if missing:
            shortfall[f"{product[0]}:{product[1]}"] = missing
    return shortfall


def _write_off_expired(state: ClientState, run_date: date, moves: list[Move], report: ReorderReport) -> None:
    for product, held in state.held.items():
        for lot in held:
            if lot.quantity > 0 and lot.expiry_date < run_date:
                moves.append(Move("expiry", lot.lot_id, lot.quantity, lot.location_id, None, run_date,
                                  client_id=state.client.id, reason=f"expired on {lot.expiry_date}"))
                report.count("units_expired_at_home", lot.quantity)
        state.held[product] = [h for h in held if h.quantity > 0 and h.expiry_date >= run_date]


def _histories(session: Session, ids: list[int]) -> dict[int, tuple[list, list]]:
    result: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for row in session.execute(select(StatusChange.client_id, StatusChange.changed_on, StatusChange.to_status)
                               .where(StatusChange.client_id.in_(ids))
                               .order_by(StatusChange.changed_on, StatusChange.id)):
        result[row.client_id][0].append((row.changed_on, row.to_status))
    for row in session.execute(select(CareSettingTransfer.client_id, CareSettingTransfer.transferred_on,
                                      CareSettingTransfer.to_setting)
                               .where(CareSettingTransfer.client_id.in_(ids))
                               .order_by(CareSettingTransfer.transferred_on, CareSettingTransfer.id)):
        result[row.client_id][1].append((row.transferred_on, row.to_setting))
    return result

