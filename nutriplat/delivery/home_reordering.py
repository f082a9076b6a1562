"""Home reordering for a group of clients: the pure rule's proposals become delivery
orders (merged into an order for the same day that is not picked yet)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, selectinload

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.delivery.cancellation import cancel_planned
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.inventory.access import Product
from nutriplat.inventory.domain import HomeOrderProposal, plan_home_orders
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.products import ProductInfo
from nutriplat.inventory.reorder.report import ReorderReport
from nutriplat.inventory.reorder.snapshot import ClientState
from nutriplat.inventory.skipped_days import skipped_days, without_skipped

PLAN_HORIZON_DAYS = 16  # past the delivery after next (+ its margin) on a weekly schedule
# Nobody home when the van came: the extra delivery the lead time allows comes two days
# later at the earliest, so each delivery feeds the next delivery day and the day after.
BUFFER_DAYS = 2


def reorder_homes(session: Session, actor: Actor, states: dict[int, ClientState], today: date, now: datetime,
                  catalogue: dict[Product, ProductInfo], packs: dict[tuple[int, Product], int],
                  report: ReorderReport) -> None:
    written: list[tuple[DeliveryOrder, ClientState, HomeOrderProposal]] = []
    skipped = skipped_days(session, states, today)
    for state in states.values():
        if not state.at_home:
            _cancel_planned(session, actor, state, today, report)
            continue
        if state.schedule is None or not state.homes:
            report.count("clients_without_schedule_or_storage")
            continue
        rule = rule_of(state.schedule)
        warehouse = state.schedule.warehouse_id
        items = state.items(today, catalogue, {p: n for (w, p), n in packs.items() if w == warehouse})
        slots, earliest = without_skipped(rule.slots(now, PLAN_HORIZON_DAYS), rule.earliest_delivery(now),
                                          skipped.get(state.client.id, frozenset()))
        proposals = plan_home_orders(
            today, items, state.consumption(today, today + timedelta(days=PLAN_HORIZON_DAYS)),
            state.incoming(today), slots, state.capacity(), safety_days=BUFFER_DAYS, earliest_extra=earliest)
        report.count("clients_reordered")
        mine: dict[date, DeliveryOrder] = {}
        for proposal in proposals:
            _note(state, proposal, catalogue, report)
            if proposal.lines:
                order = _write(session, state, proposal, catalogue, actor, mine)
                written.append((order, state, proposal))
                report.count("extra_deliveries" if proposal.extra else "delivery_orders")
    session.flush()  # once for the group: the orders get their ids
    for order, state, proposal in written:
        audit.record(session, actor, "create", "delivery_order", order.id, state.client.id,
                     detail={"delivery_date": proposal.delivery_date.isoformat(), "extra": proposal.extra},
                     organisation_id=state.client.organisation_id)


def _write(session: Session, state: ClientState, proposal: HomeOrderProposal, catalogue: dict[Product, ProductInfo],
           actor: Actor, mine: dict[date, DeliveryOrder]) -> DeliveryOrder:
    """Add the proposal to the client's planned order for that day, or to a new one."""
    day = proposal.delivery_date
    order = mine.get(day)
    if order is None:
        planned = next((o for o in state.orders if o.status == "planned" and o.delivery_date == day), None)
        if planned:
            order = session.get(DeliveryOrder, planned.id, options=[selectinload(DeliveryOrder.lines)])
            assert order is not None  # the snapshot has just read it
        else:
            order = DeliveryOrder(organisation_id=state.client.organisation_id, client_id=state.client.id,
                                  delivery_date=day, status="planned", origin="extra" if proposal.extra else "reorder",
                                  warehouse_id=state.schedule.warehouse_id, lines=[],  # type: ignore[union-attr]
                                  created_by=actor.user_id)
        session.add(order)
        mine[day] = order
    order.covers_until = max(order.covers_until or proposal.covers_until, proposal.covers_until)
    if words := _words(proposal, catalogue, state):
        order.note = "; ".join(filter(None, [order.note, *words]))[:2000]
    for wanted in proposal.lines:
        dish_id, texture = wanted.variant_id
        variant_id = catalogue[(dish_id, texture)].current_variant_id
        line = next((x for x in order.lines if x.variant_id == variant_id), None)
        if line is None:
            order.lines.append(DeliveryOrderLine(variant_id=variant_id, dish_id=dish_id, texture=texture,
                                                 quantity=wanted.quantity, use_by=wanted.use_by))
        else:
            line.quantity += wanted.quantity
            line.use_by = max(filter(None, (line.use_by, wanted.use_by)), default=None)
    return order


def _words(proposal: HomeOrderProposal, catalogue: dict[Product, ProductInfo], state: ClientState) -> list[str]:
    words = [f"not ordered: {catalogue[p].name} ({state.refusal(catalogue[p])})" for p in proposal.not_allowed]
    if proposal.capacity_limited:
        words.append("the home appliance is full: covers fewer days than planned")
    return words


def _note(state: ClientState, proposal: HomeOrderProposal, catalogue: dict[Product, ProductInfo],
          report: ReorderReport) -> None:
    client = state.client.id
    for product, day in sorted(proposal.short_before_delivery.items(), key=lambda kv: kv[1]):
        report.attention.append(f"client {client}: {catalogue[product].name} runs short on {day}, "
                                f"before the delivery of {proposal.delivery_date}")
        report.count("urgent_shortfalls")
    for product in proposal.not_allowed:
        report.attention.append(f"client {client}: planned {catalogue[product].name} not ordered: "
                                f"{state.refusal(catalogue[product])}")
        report.count("products_not_allowed")
    if proposal.capacity_limited:
        report.attention.append(f"client {client}: home appliance full for the delivery of {proposal.delivery_date}")
        report.count("capacity_limited")


def _cancel_planned(session: Session, actor: Actor, state: ClientState, today: date,
                    report: ReorderReport) -> None:
    """Away (paused, in hospital or a nursing home): no delivery until back home."""
    reason = f"cancelled: client is {state.client.status} in {state.client.care_setting.replace('_', ' ')}"
    due = [o for o in state.orders if o.status == "planned" and o.delivery_date >= today]
    cancelled = cancel_planned(session, actor, state.client.id, state.client.organisation_id,
                               [o.id for o in due], reason)
    for order in due:
        if order.id in cancelled:
            order.status = "cancelled"
    if cancelled:
        report.count("orders_cancelled", len(cancelled))
