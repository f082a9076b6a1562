"""Delivery tables: delivery orders to clients' homes, the fleet (depots, vans, drivers),
client delivery windows, and route plans with their routes and stops."""
from .fleet import ClientWeekdayWindow, ClientWindow, Depot, Driver, Van
from .kitchen_tasks import KitchenTask
from .orders import DeliveryOrder, DeliveryOrderLine, RecallPickup
from .plans import PlannedRoute, PlannedStop, RoutePlan
from .production import ProductionBatch
from .proofs import StopProof, TrayRefusal

__all__ = ["ClientWeekdayWindow", "ClientWindow", "DeliveryOrder", "DeliveryOrderLine", "Depot", "Driver",
           "KitchenTask", "PlannedRoute", "PlannedStop", "ProductionBatch", "RecallPickup", "RoutePlan", "StopProof",
           "TrayRefusal", "Van"]
