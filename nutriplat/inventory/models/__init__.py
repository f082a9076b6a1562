"""Inventory tables: locations and schedules, lots, stock moves and balances, reorder
rules and purchase orders (delivery orders are the delivery area's)."""
from .locations import DeliverySchedule, Location
from .purchasing import PurchaseOrder, PurchaseOrderLine, ReorderRule
from .recalls import Recall, RecallLocation, RecallStep
from .skips import SkippedDelivery
from .stock import ConsumptionPosting, Lot, StockBalance, StockMove

__all__ = [
    "ConsumptionPosting", "DeliverySchedule", "Location", "Lot",
    "PurchaseOrder", "PurchaseOrderLine", "Recall", "RecallLocation", "RecallStep", "ReorderRule",
    "SkippedDelivery", "StockBalance", "StockMove",
]
