"""``nutriplat jobs run reorder --date D``: the nightly run for one business date.

1. per group of clients, in one transaction each: lock their schedules and home stock,
   post the consumption of the days before (and write off what expired at home), then
   order home deliveries (home reordering);
2. central replenishment: purchase-order proposals for the warehouses;
3. bill delivered extra meals not billed yet (a confirmation whose billing failed);
4. a recall's units aboard a van that drives no route that day are accounted as back at
   the depot (``van_recall``), so the recall can close.

Every step reads what it wrote before, so running the date again changes nothing. The run
lives with delivery orders, downstream of the inventory steps it calls (consumption and
replenishment are inventory's; the home orders are delivery's)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from functools import partial

from sqlalchemy import Select, select, union
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.home_reordering import PLAN_HORIZON_DAYS, reorder_homes
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.open_orders import add_open_orders, reserved_for_homes
from nutriplat.delivery.van_recall import parked_vans_back_at_depot
from nutriplat.errors import WriteConflict
from nutriplat.events import DeliveriesLeftUnbilled
from nutriplat.inventory.ledger import Ledger
from nutriplat.inventory.models import DeliverySchedule, Location, ReorderRule
from nutriplat.inventory.products import product_catalogue
from nutriplat.inventory.reorder import snapshot
from nutriplat.inventory.reorder.consumption import post_consumption, unposted_since
from nutriplat.inventory.reorder.replenish import replenish
from nutriplat.inventory.reorder.report import ReorderReport
from nutriplat.parts import client_parts, client_range

RUN_TIME = time(2, 0)  # the scheduler runs it at 02:00 Europe/Brussels (issue 9)
CLIENTS_PER_TRANSACTION = 250


def run_reorder(new_uow: Callable[[], UnitOfWork], run_date: date, actor: Actor,
                progress: Callable[[int], None] | None = None) -> ReorderReport:
    """The whole run in this process; the job runner splits it the same way (``reorder_parts``,
    ``reorder_part``, ``reorder_finish``) over worker processes when a work queue is configured."""
    report = ReorderReport(run_date.isoformat())
    with new_uow() as uow:
        client_ids = list(uow.session.scalars(_clients_with_stock().order_by("client_id")))
    reorder_clients(new_uow, run_date, actor, client_ids, report, progress)
    finish_reorder(new_uow, run_date, actor, report)
    return report


def reorder_clients(new_uow: Callable[[], UnitOfWork], run_date: date, actor: Actor, client_ids: list[int],
                    report: ReorderReport, progress: Callable[[int], None] | None = None) -> None:
    """Step 1 for ``client_ids``, ``CLIENTS_PER_TRANSACTION`` clients a transaction."""
    now = datetime.combine(run_date, RUN_TIME)
    with new_uow() as uow:
        catalogue = product_catalogue(uow.session)
        packs = {(r.warehouse_id, (r.dish_id, r.texture)): r.home_pack_size
                 for r in uow.session.scalars(select(ReorderRule).where(ReorderRule.active))}
    for chunk in _chunks(client_ids):
        _retrying(partial(_run_group, new_uow, actor, chunk, run_date, now, catalogue, packs, report))
        if progress is not None:
            progress(len(chunk))


def finish_reorder(new_uow: Callable[[], UnitOfWork], run_date: date, actor: Actor, report: ReorderReport) -> None:
    """Steps 2 to 4, once every client's home orders are in."""
    with new_uow() as uow:
        catalogue = product_catalogue(uow.session)
        replenish(uow.session, actor, run_date, catalogue, report, reserved_for_homes)
        uow.commit()
    with new_uow() as uow:  # billing handles them after this commit
        unbilled = tuple(uow.session.scalars(select(DeliveryOrder.id).where(
            DeliveryOrder.status == "delivered", DeliveryOrder.billed_at.is_(None)).order_by(DeliveryOrder.id)))
        if unbilled:
            uow.record(DeliveriesLeftUnbilled(unbilled, actor))
        uow.commit()
    report.count("deliveries_billed", len(unbilled))
    report.count("recalled_van_stock_returned", parked_vans_back_at_depot(new_uow, actor, run_date))


def reorder_parts(new_uow: Callable[[], UnitOfWork], run_date: date) -> list[str]:
    """The slices of the client ids holding clients with stock at home or on order."""
    with new_uow() as uow:
        return client_parts(uow.session.scalars(_clients_with_stock()))


def clients_of_part(new_uow: Callable[[], UnitOfWork], key: str) -> list[int]:
    lo, hi = client_range(key)
    with new_uow() as uow:
        return [i for i in uow.session.scalars(_clients_with_stock().order_by("client_id")) if lo <= i < hi]


def _run_group(new_uow: Callable[[], UnitOfWork], actor: Actor, chunk: list[int], run_date: date, now: datetime,
               catalogue: dict, packs: dict, report: ReorderReport) -> None:
    """One transaction: lock the clients (their schedules), then their home stock, read,
    post yesterday's consumption, order."""
    with new_uow() as uow:
        session = uow.session
        session.execute(select(DeliverySchedule.client_id).where(DeliverySchedule.client_id.in_(chunk))
                        .order_by(DeliverySchedule.client_id).with_for_update())
        ledger = Ledger(session, actor.user_id)
        ledger.lock_locations(session.scalars(select(Location.id).where(Location.client_id.in_(chunk))))
        states = add_open_orders(session, snapshot.load(session, chunk, unposted_since(session, chunk, run_date),
                                                        run_date + timedelta(days=PLAN_HORIZON_DAYS), catalogue,
                                                        today=run_date))
        attempt = ReorderReport(report.run_date)
        post_consumption(session, actor, ledger, states, run_date, attempt)
        reorder_homes(session, actor, states, run_date, now, catalogue, packs, attempt)
        uow.commit()
    report.counts.update(attempt.counts)
    report.attention += attempt.attention


def _retrying(step: Callable[[], None], attempts: int = 3) -> None:
    """A group that met a concurrent change (an order picked meanwhile, a deadlock the
    database broke) is simply run again: it reads everything afresh."""
    for attempt in range(attempts):
        try:
            return step()
        except (StaleDataError, WriteConflict, OperationalError):
            if attempt == attempts - 1:
                raise


def _clients_with_stock() -> Select[int]:
    """Clients with a schedule, a home appliance or a home order still open (a ward order has
    no client of its own: the ward's nightly ordering makes it)."""
    return union(
        select(DeliverySchedule.client_id),
        select(Location.client_id.label("client_id")).where(Location.client_id.is_not(None)),
        select(DeliveryOrder.client_id).where(DeliveryOrder.status == "planned", DeliveryOrder.client_id.is_not(None)),
    ).subquery().select()


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), CLIENTS_PER_TRANSACTION):
        yield ids[i:i + CLIENTS_PER_TRANSACTION]
