"""The payment rules of a result-based agreement, as plain Decimal arithmetic.

Each rule turns values from a settlement's snapshot into one payment line, with the
calculation written out step by step. Intermediate results stay exact; each line is
rounded half-up to the cent once, at its end, so a statement recomputes to the cent."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
KINDS = ("per_client_outcome", "threshold", "shared_savings", "start_budget")


def euros(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Step:
    description: str
    value: str


@dataclass(frozen=True)
class PaymentLine:
    kind: str
    description: str
    amount: Decimal  # euros; negative for a clawback
    steps: tuple[Step, ...]


def better_or_equal(value: Decimal, reference: Decimal, higher_is_better: bool) -> bool:
    return value >= reference if higher_is_better else value <= reference


def per_client_outcome(outcome: str, clients: int, price: Decimal, cap: Decimal | None) -> PaymentLine:
    """A price per client reaching the outcome, never above the cap."""
    gross = price * clients
    steps = [Step(f"clients reaching the outcome ({outcome})", str(clients)),
             Step(f"{clients} × € {price} per client", str(euros(gross)))]
    amount = gross
    if cap is not None and gross > cap:
        amount = cap
        steps.append(Step(f"capped at € {cap}", str(euros(cap))))
    return PaymentLine("per_client_outcome", f"Outcome payment: {outcome}", euros(amount), tuple(steps))


def threshold(indicator: str, value: Decimal | None, target: Decimal, floor: Decimal | None,
              bonus: Decimal, clawback: Decimal, higher_is_better: bool) -> PaymentLine:
    """Target met → the bonus; worse than the floor → the clawback (negative); in between,
    or without a value (nothing to judge), nothing."""
    better = "at least" if higher_is_better else "at most"
    steps = [Step(f"{indicator} this period", "no value" if value is None else str(value)),
             Step(f"target ({better})", str(target))]
    if floor is not None:
        steps.append(Step(f"floor ({better})", str(floor)))
    if value is None:
        amount, verdict = ZERO, "no value: neither bonus nor clawback"
    elif better_or_equal(value, target, higher_is_better):
        amount, verdict = bonus, f"target met: bonus € {bonus}"
    elif floor is not None and not better_or_equal(value, floor, higher_is_better):
        amount, verdict = -clawback, f"worse than the floor: clawback € {clawback}"
    else:
        amount, verdict = ZERO, "target not met, floor respected: nothing"
    steps.append(Step(verdict, str(euros(amount))))
    return PaymentLine("threshold", f"Threshold on {indicator}", euros(amount), tuple(steps))


@dataclass(frozen=True)
class QualityGate:
    """A quality indicator that must not be worse than at baseline."""

    indicator: str
    baseline: Decimal | None
    current: Decimal | None
    higher_is_better: bool

    @property
    def holds(self) -> bool:
        # Without both values nobody can show quality held, so the gate stays closed.
        if self.baseline is None or self.current is None:
            return False
        return better_or_equal(self.current, self.baseline, self.higher_is_better)


@dataclass(frozen=True)
class CostInputs:
    client_months: Decimal
    service_cost: Decimal  # euros invoiced for the cohort's months
    admissions: int


def shared_savings(costs: CostInputs, expected_per_client_month: Decimal, cost_per_admission: Decimal,
                   share: Decimal, gates: Sequence[QualityGate], cap: Decimal | None) -> PaymentLine:
    """(expected − actual cost) × share, only when savings are positive and no quality
    indicator is worse than at baseline; never a payment from the provider."""
    expected = expected_per_client_month * costs.client_months
    admissions_cost = cost_per_admission * costs.admissions
    actual = costs.service_cost + admissions_cost
    savings = expected - actual
    steps = [
        Step(f"expected: € {expected_per_client_month} × {costs.client_months} client-months", str(expected)),
        Step("service cost invoiced", str(costs.service_cost)),
        Step(f"hospital admissions: {costs.admissions} × € {cost_per_admission}", str(admissions_cost)),
        Step("actual cost", str(actual)),
        Step("savings = expected − actual", str(savings)),
    ]
    for gate in gates:
        steps.append(Step(f"quality {gate.indicator}: baseline {gate.baseline}, now {gate.current}",
                          "not worse" if gate.holds else "worse or unknown"))
    if not all(gate.holds for gate in gates):
        amount, verdict = ZERO, "a quality indicator is worse than at baseline (or unknown): nothing"
    elif savings <= 0:
        amount, verdict = ZERO, "no savings: nothing"
    else:
        amount, verdict = savings * share, f"savings × share {share}"
        if cap is not None and amount > cap:
            amount, verdict = cap, f"savings × share {share}, capped at € {cap}"
    steps.append(Step(verdict, str(euros(amount))))
    return PaymentLine("shared_savings", "Shared savings", euros(amount), tuple(steps))


def start_budget(amount: Decimal, already_paid: bool) -> PaymentLine:
    """A fixed amount, paid with the agreement's first settlement only."""
    paid = ZERO if already_paid else amount
    verdict = "paid with an earlier settlement: nothing" if already_paid else f"first settlement: € {amount}"
    return PaymentLine("start_budget", "Fixed start budget", euros(paid), (Step(verdict, str(euros(paid))),))


def total(lines: Sequence[PaymentLine]) -> Decimal:
    return sum((line.amount for line in lines), ZERO)
