"""Pure inventory rules (no framework, no database): first-expiry-first-out picking,
home-stock projection and reorder proposals, delivery schedules, central replenishment."""
from .fefo import Allocation, LotStock, allocate_fefo
from .home import DeliverySlot, HomeOrderLine, HomeOrderProposal, cover_end, plan_home_orders, propose_home_order
from .projection import HomeItem, Projection, days_of_cover, project
from .replenishment import ReorderRule, propose_replenishment

__all__ = [
    "Allocation", "DeliverySlot", "HomeItem", "HomeOrderLine", "HomeOrderProposal", "LotStock",
    "Projection", "ReorderRule", "allocate_fefo", "cover_end", "days_of_cover", "plan_home_orders",
    "project", "propose_home_order", "propose_replenishment",
]
