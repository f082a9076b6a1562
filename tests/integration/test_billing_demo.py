"""The demo's billing step: a full month of subscriptions, the regional fund's share and
vouchers within budget, referral statements — and nothing new the second time."""
from sqlalchemy import select

from nutriplat.billing.models import Invoice, LedgerEntry, VoucherProgramme
from nutriplat.db import UnitOfWork
from nutriplat.periods import last_complete_month
from tools.demo import population as pop
from tools.demo.billing import seed_billing
from tools.demo.seed import SeedReport, seed_clients, seed_organisations, seed_users


def test_the_demo_bills_its_last_complete_month_once(app, business_day):
    state = app.extensions["nutriplat"]
    population = pop.build_population(reference_date=business_day)
    with UnitOfWork(state.session_factory) as uow:
        orgs = seed_organisations(uow.session, population, SeedReport())
        users = seed_users(uow.session, population, state.passwords, orgs, SeedReport())
        seed_clients(uow.session, population, orgs, users, SeedReport())
        uow.commit()
    today, first = population.reference_date, SeedReport()
    seed_billing(state.session_factory, population, today, first)
    month = str(last_complete_month(today))
    assert first.created["subscriptions"] > 100 and first.created[f"client invoices ({month})"] > 100
    assert first.created["vouchers refused: budget cap"] == 1
    with UnitOfWork(state.session_factory) as uow:
        payers = {i.payer_name for i in uow.session.scalars(select(Invoice).where(
            Invoice.month == month, Invoice.payer_type == "organisation"))}
        assert payers == {"Regionaal Zorgfonds West-Vlaanderen"}
        programme = uow.session.scalar(select(VoucherProgramme))
        assert 0 < programme.redeemed <= programme.committed <= programme.budget_cap
        kinds = set(uow.session.scalars(select(LedgerEntry.kind)))
        assert {"referral_commission", "fund_contribution", "cofinancing_share", "voucher_funding"} <= kinds
    again = SeedReport()
    seed_billing(state.session_factory, population, today, again)
    assert again.created == {}
