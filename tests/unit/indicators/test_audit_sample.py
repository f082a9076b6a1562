"""The measurement audit's sample and rate, and the payment held on a failed audit, without a database."""
from __future__ import annotations

from decimal import Decimal

from nutriplat.indicators.domain.audit_sample import agreement_rate, draw, holds_payment
from nutriplat.indicators.payments import PaymentLine, Step
from nutriplat.indicators.settlement_audits import held

POPULATION = [("weight", n) for n in range(100)] + [("screening", n) for n in range(40)]


def test_the_same_seed_draws_the_same_sample_whatever_order_the_records_come_in():
    sample = draw(POPULATION, 42, 10)
    assert len(set(sample)) == 10 and set(sample) <= set(POPULATION)
    assert draw(list(reversed(POPULATION)), 42, 10) == sample
    assert draw(POPULATION, 43, 10) != sample


def test_a_population_smaller_than_the_sample_is_audited_whole():
    assert sorted(draw(POPULATION[:3], 1, 10)) == sorted(POPULATION[:3])
    assert draw([], 1, 10) == []


def test_the_rate_and_the_minimum():
    assert agreement_rate([True, True, False]) == Decimal("0.6667")
    assert agreement_rate([]) is None
    assert holds_payment(Decimal("0.8"), Decimal("0.9")) and not holds_payment(Decimal("0.9"), Decimal("0.9"))
    assert not holds_payment(Decimal("0.1"), None)  # no minimum agreed: the audit only informs


def test_a_failed_audit_holds_bonus_and_clawback_alike_and_a_passed_one_changes_nothing():
    rule = {"kind": "threshold", "params": {"indicator": "screening_coverage"}}
    for amount in (Decimal("2500.00"), Decimal("-1000.00")):
        line = PaymentLine("threshold", "Screening coverage", amount, (Step("target met", "yes"),))
        failed = {"screening_coverage": {"agreement_rate": "0.7500", "min_agreement_rate": "0.9"}}
        passed = {"screening_coverage": {"agreement_rate": "0.9500", "min_agreement_rate": "0.9"}}
        assert held(line, rule, failed).amount == Decimal("0.00")
        assert held(line, rule, failed).steps[-1].value == str(amount)
        assert held(line, rule, passed) == line
        assert held(line, rule, {}) == line
