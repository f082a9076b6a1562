"""Voucher budgets, healthcoin balances and referral commissions."""
from contextlib import suppress
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nutriplat.billing.domain import coins, commissions, vouchers
from nutriplat.periods import Month

FIXED = commissions.Scheme("fixed", D("50.00"), None, None, 90)
PERCENT = commissions.Scheme("percentage", None, D("10"), 3, 60)


def test_a_voucher_commits_its_value_until_the_cap():
    assert vouchers.commit(D("100.00"), D("60.00"), D("40.00")) == D("100.00")
    with pytest.raises(vouchers.BudgetExceeded, match=r"40\.00 of the budget"):
        vouchers.commit(D("100.00"), D("60.00"), D("40.01"))
    with pytest.raises(ValueError):
        vouchers.commit(D("100.00"), D("0"), D("0"))


def test_a_voucher_is_usable_in_the_months_its_validity_touches():
    assert vouchers.usable_in(Month(2026, 10), date(2026, 10, 31), date(2026, 12, 31))
    assert not vouchers.usable_in(Month(2026, 10), date(2026, 11, 1), date(2026, 12, 31))
    assert not vouchers.usable_in(Month(2026, 10), date(2026, 8, 1), date(2026, 9, 30))


@settings(max_examples=80)
@given(st.decimals(min_value=0, max_value=10_000, places=2),
       st.lists(st.decimals(min_value=D("0.01"), max_value=500, places=2), max_size=30))
def test_a_voucher_budget_is_never_exceeded(cap, requests):
    committed = D("0")
    for value in requests:
        with suppress(vouchers.BudgetExceeded):  # a refused request leaves the commitment as it was
            committed = vouchers.commit(cap, committed, value)
        assert D("0") <= committed <= cap


@settings(max_examples=80)
@given(st.lists(st.integers(-500, 500), max_size=40))
def test_a_coin_balance_never_goes_below_zero(deltas):
    balance = 0
    for delta in deltas:
        try:
            balance = coins.balance_after(balance, delta)
        except coins.InsufficientCoins:
            assert balance + delta < 0
        assert balance >= 0


def test_coins_are_worth_their_rate_rounded_to_the_cent():
    assert coins.redemption_value(125, D("0.10")) == D("12.50")
    assert coins.redemption_value(3, D("0.0333")) == D("0.10")


def test_a_redemption_is_refused_above_the_balance_and_with_no_invoice_to_come():
    assert coins.redemption_conflicts(50, 50, invoice_to_come=True) == []
    assert coins.redemption_conflicts(51, 50, invoice_to_come=True) == ["The balance is 50 coins."]
    closed = coins.redemption_conflicts(60, 50, invoice_to_come=False)
    assert len(closed) == 2 and "closed" in closed[1]


def test_commissions_are_earned_after_the_qualifying_period():
    started = date(2026, 9, 20)
    assert commissions.earned_on(started, FIXED) == date(2026, 12, 19)
    assert commissions.left_early(started, date(2026, 12, 18), FIXED)
    assert not commissions.left_early(started, date(2026, 12, 19), FIXED)
    assert not commissions.left_early(started, None, FIXED)


def test_a_percentage_scheme_accrues_over_the_first_months_only():
    started = date(2026, 9, 20)
    accrued = [commissions.percentage_commission(PERCENT, started, month, D("200.00"))
               for month in (Month(2026, 8), Month(2026, 9), Month(2026, 11), Month(2026, 12))]
    assert accrued == [D("0"), D("20.00"), D("20.00"), D("0")]
    assert commissions.percentage_commission(FIXED, started, Month(2026, 9), D("200")) == 0
