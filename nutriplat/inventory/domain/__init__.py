"""Pure inventory rules (no framework, no database): first-expiry-first-out picking,
home-stock projection and reorder quantities, central replenishment proposals."""
from .fefo import Allocation, LotStock, allocate_fefo
from .home import (
    DeliverySlot, HomeItem, HomeOrderLine, HomeOrderProposal, propose_home_order,
)
from .replenishment import ReorderRule, propose_replenishment

__all__ = [
    "Allocation", "DeliverySlot", "HomeItem", "HomeOrderLine", "HomeOrderProposal", "LotStock",
    "ReorderRule", "allocate_fefo", "propose_home_order", "propose_replenishment",
]
