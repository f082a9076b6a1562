"""Central replenishment: min/max reorder rules per item and warehouse."""
from __future__ import annotations

from dataclasses import dataclass
from math import ceil


@dataclass(frozen=True)
class ReorderRule:
    minimum: int
    maximum: int
    pack_multiple: int = 1
    lead_time_days: int = 2

    def __post_init__(self) -> None:
        if not 0 <= self.minimum <= self.maximum:
            raise ValueError("need 0 <= minimum <= maximum")
        if self.pack_multiple < 1 or self.lead_time_days < 0:
            raise ValueError("pack multiple must be >= 1 and lead time >= 0")


def propose_replenishment(rule: ReorderRule, on_hand: int, incoming: int, reserved: int) -> int:
    """Units to order: nothing while projected stock (on hand + incoming − reserved over
    the lead-time horizon) is at or above the minimum; otherwise enough to bring it up
    to the maximum, in whole packs (rounded up, since running short costs more than a
    pack too many)."""
    projected = on_hand + incoming - reserved
    if projected >= rule.minimum:
        return 0
    return ceil((rule.maximum - projected) / rule.pack_multiple) * rule.pack_multiple


@dataclass(frozen=True)
class WaitingLine:
    """A proposal line nobody approved yet: its quantity, whether a buyer set it by hand,
    and the night's need last recorded beside it."""
    quantity: int
    edited_by_hand: bool
    suggested: int | None = None


def refresh_waiting(line: WaitingLine, need: int) -> WaitingLine:
    """The line after tonight's ``need``: a line the night made follows the need; a buyer's
    quantity stays, with the need beside it when the two differ (none when they agree).
    Applying the same need again gives the same line, so a second run changes nothing."""
    if not line.edited_by_hand:
        return WaitingLine(need, False, None)
    return WaitingLine(line.quantity, True, None if need == line.quantity else need)
