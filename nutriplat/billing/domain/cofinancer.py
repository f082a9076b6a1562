"""A cofinancer's invoice never names a person: what its share and voucher allocations
come to is itemised per agreement (segment) and per voucher programme, per month of the
subscriptions, with the number of clients."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .lines import Line, lump
from .money import ZERO, total


@dataclass(frozen=True)
class AllocationRow:
    kind: str  # "share" or "voucher"
    group_id: int  # agreement id (share) or programme id (voucher)
    group_name: str  # the agreement's or programme's name, with its segment
    month: str  # the month of the client invoice
    client_id: int  # only counted, never printed
    amount: Decimal


_KIND = {"share": "cofinancing_share", "voucher": "voucher_funding"}
_WHAT = {"share": "Cofinanced share of subscriptions", "voucher": "Funded vouchers redeemed"}


def cofinancer_lines(rows: Iterable[AllocationRow]) -> list[Line]:
    groups: dict[tuple[str, int, str], list[AllocationRow]] = {}
    for row in rows:
        groups.setdefault((row.kind, row.group_id, row.month), []).append(row)
    lines = []
    for (kind, group_id, month), members in sorted(groups.items()):
        clients = len({m.client_id for m in members})
        description = (f"{_WHAT[kind]} — {members[0].group_name}, {month} "
                       f"({clients} client{'s' if clients != 1 else ''})")
        source = {"agreement_id" if kind == "share" else "programme_id": group_id,
                  "month": month, "clients": clients}
        amount = total(m.amount for m in members)
        if amount > ZERO:
            lines.append(lump(_KIND[kind], description, amount, ZERO, source))
    return lines
