"""Inventory tables: locations and schedules, lots, stock moves and balances, delivery
orders, reorder rules and purchase orders."""
from .locations import DeliverySchedule, Location
from .orders import DeliveryOrder, DeliveryOrderLine
from .purchasing import PurchaseOrder, PurchaseOrderLine, ReorderRule
from .stock import ConsumptionPosting, Lot, StockBalance, StockMove

__all__ = [
    "ConsumptionPosting", "DeliveryOrder", "DeliveryOrderLine", "DeliverySchedule", "Location", "Lot",
    "PurchaseOrder", "PurchaseOrderLine", "ReorderRule", "StockBalance", "StockMove",
]
