"""The development fund's position for a month: what the month brought it (contributions
for referred clients and product royalties, per provider) and its balance to date. One
function for the fund's page and the API's GET /fund/position."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from nutriplat.auth.actor import Actor
from nutriplat.billing import statements
from nutriplat.billing.domain.money import total
from nutriplat.billing.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.periods import Month


@dataclass(frozen=True)
class FundPosition:
    month: str
    statements: list[statements.Statement]
    contributions: Decimal  # the month's, owed to the fund
    balance: Decimal  # every month up to and including this one


def position(uow: UnitOfWork, actor: Actor, month: Month) -> FundPosition:
    POLICY.check(actor, "fund_position")
    found = statements.statements(uow, actor, month, None)
    return FundPosition(str(month), found, total(s.payable_total for s in found),
                        statements.balance(uow, actor, month))
