"""Invariants of invoicing on the real database (SQLite or PostgreSQL), over generated
months of subscriptions, pauses, cancellations, rentals, charges, cofinancing, vouchers
and healthcoins: a second run changes nothing; each client invoice plus what cofinancers
pay of it is the month's gross; a cofinancer is billed exactly its allocations; voucher
budgets and coin balances never go below zero; amounts stay exact decimals."""
import contextlib
from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.billing import charges, cofinancing, healthcoins, invoicing_run, plans, segments, subscriptions
from nutriplat.billing.domain.coins import MIN_COINS_PER_REDEMPTION
from nutriplat.billing.models import (
    CofinancingAllocation,
    CoinAccount,
    Invoice,
    InvoiceLine,
    LedgerEntry,
    VoucherProgramme,
)
from nutriplat.clients import services as client_services
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict
from nutriplat.models import metadata
from nutriplat.periods import Month

TODAY = date(2026, 11, 25)
MONTHS = (Month(2026, 8), Month(2026, 9), Month(2026, 10))
MONEY = st.decimals(min_value=0, max_value=400, places=2)

client_specs = st.fixed_dictionaries({
    "start": st.integers(0, 85),
    "pause": st.one_of(st.none(), st.tuples(st.integers(1, 40), st.integers(1, 30))),
    "cancel": st.one_of(st.none(), st.integers(1, 80)), "freezers": st.integers(0, 2),
    "member": st.booleans(), "extras": st.integers(0, 3),
    "coins": st.tuples(st.integers(0, 500), st.integers(0, 600)),
})
worlds = st.fixed_dictionaries({
    "clients": st.lists(client_specs, min_size=1, max_size=4),
    "package": MONEY, "freezer": MONEY,
    "share": st.one_of(st.none(), st.tuples(st.sampled_from(("percentage", "fixed")),
                                            st.decimals(0, 100, places=2))),
    "voucher": st.tuples(st.decimals(D("0.01"), 80, places=2), st.decimals(D("0.01"), 200, places=2)),
})


def _wipe(engine):
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


def _build(new, spec):
    org = auth_services.create_organisation(new(), "Provider P", "provider", SYSTEM).id
    fund = auth_services.create_organisation(new(), "Cofinancer C", "cofinancer", SYSTEM).id
    staff = Actor(None, "tester", "admin", org)
    plan = plans.create_plan(new(), staff, {"code": "std", "name": "Standard", "version": {
        "effective_from": date(2026, 1, 1), "meals_per_week": 14, "package_price": spec["package"],
        "information_platform_price": D("9.50"), "coaching_tool_price": D("14.50")}}).id
    plans.create_tariff(new(), staff, {"code": "freezer", "kind": "rental", "name": "Freezer", "price": {
        "effective_from": date(2026, 1, 1), "unit_price": spec["freezer"]}})
    plans.create_tariff(new(), staff, {"code": "extra", "kind": "addon", "name": "Extra", "price": {
        "effective_from": date(2026, 1, 1), "unit_price": D("6.35")}})
    segment = segments.create_segment(new(), staff,
                                      {"code": "s", "name": "S", "attributes": ["low_income"]}).id
    if spec["share"]:
        cofinancing.create_agreement(new(), staff, {
            "cofinancer_id": fund, "segment_id": segment, "name": "Share", "share_kind": spec["share"][0],
            "share_value": spec["share"][1], "valid_from": date(2026, 1, 1)})
    value, cap = spec["voucher"]
    programme = cofinancing.create_programme(new(), staff, {
        "cofinancer_id": fund, "segment_id": segment, "name": "V", "voucher_value": value,
        "valid_from": date(2026, 8, 1), "valid_until": date(2026, 12, 31),
        "budget_cap": max(cap, value)}).programme.id
    for i, c in enumerate(spec["clients"]):
        _client(new, staff, plan, programme, i, c)


def _client(new, staff, plan, programme, i, c):
    client = client_services.create_client(new(), staff, {
        "given_name": f"C{i}", "family_name": "Test", "birth_date": date(1940, 1, 1), "sex": "female",
        "care_setting": "home"}).id
    start = date(2026, 8, 1) + timedelta(days=c["start"])
    sub = subscriptions.create_subscription(new(), staff, client, {
        "plan_id": plan, "start_date": start,
        "rentals": [{"appliance": "freezer", "quantity": c["freezers"]}] if c["freezers"] else [],
    }).subscription.id
    if c["pause"]:
        paused = start + timedelta(days=c["pause"][0])
        subscriptions.change_subscription(new(), staff, sub, {"kind": "pause", "effective_on": paused})
        subscriptions.change_subscription(new(), staff, sub, {
            "kind": "resume", "effective_on": paused + timedelta(days=c["pause"][1])})
    if c["cancel"]:
        with contextlib.suppress(Conflict):  # falls inside the pause's resume order: a legal refusal
            subscriptions.change_subscription(new(), staff, sub, {
                "kind": "cancel", "effective_on": start + timedelta(days=c["cancel"])})
    if c["member"]:
        segments.add_attribute(new(), staff, client,
                               {"attribute": "low_income", "valid_from": date(2026, 1, 1)})
        for _ in range(3):
            try:
                cofinancing.issue_voucher(new(), staff, programme, {
                    "client_id": client, "valid_from": date(2026, 8, 1), "valid_until": date(2026, 12, 31)})
            except Conflict:
                break  # over the budget: refused, never exceeded
    for n in range(c["extras"]):
        charges.record_charge(new(), staff, client, {"charged_on": date(2026, 8, 3 + 9 * n), "kind": "addon",
                                                     "tariff_code": "extra", "quantity": n + 1})
    awarded, redeemed = c["coins"]
    if awarded:
        healthcoins.award(new(), Actor(None, "d", "dietitian", staff.organisation_id), client,
                          {"coins": awarded, "reason": "goal"})
    with contextlib.suppress(Conflict):  # above the balance, or no invoice left to take them: refused
        healthcoins.redeem(new(), staff, client, {"coins": max(redeemed, MIN_COINS_PER_REDEMPTION)})


def _snapshot(session):
    def rows(model):
        columns = model.__table__.columns
        return sorted(tuple(getattr(r, c.name) for c in columns) for r in session.scalars(select(model)))
    tables = (Invoice, InvoiceLine, CofinancingAllocation, LedgerEntry, VoucherProgramme, CoinAccount)
    return [rows(model) for model in tables]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=worlds)
def test_invoicing_invariants_hold_and_a_second_run_changes_nothing(app, spec):
    engine, factory = app.extensions["nutriplat"].engine, app.extensions["nutriplat"].session_factory
    _wipe(engine)

    def new():
        return UnitOfWork(factory)

    _build(new, spec)
    for month in MONTHS:
        invoicing_run.run(new, month, TODAY)
    with new() as uow:
        before = _snapshot(uow.session)
    for month in MONTHS:
        assert invoicing_run.run(new, month, TODAY).counts == {}
    with new() as uow:
        s = uow.session
        assert _snapshot(s) == before
        allocations = list(s.scalars(select(CofinancingAllocation)))
        for invoice in s.scalars(select(Invoice)):
            assert invoice.total == invoice.subtotal + invoice.vat_total >= 0
            assert invoice.subtotal == sum((line.amount for line in invoice.lines), D("0.00"))
            assert all(isinstance(line.amount, D) and line.amount == line.amount.quantize(D("0.01"))
                       for line in invoice.lines)
            if invoice.payer_type == "client":
                paid_by_others = sum((a.amount for a in allocations
                                      if a.client_invoice_id == invoice.id), D(0))
                assert invoice.total + paid_by_others == invoice.gross
            else:
                assert invoice.total == sum((a.amount for a in allocations
                                             if a.cofinancer_invoice_id == invoice.id), D(0))
        assert all(a.cofinancer_invoice_id is not None for a in allocations)  # billed, once each
        for programme in s.scalars(select(VoucherProgramme)):
            assert D(0) <= programme.redeemed <= programme.committed <= programme.budget_cap
        assert all(account.balance >= 0 for account in s.scalars(select(CoinAccount)))
