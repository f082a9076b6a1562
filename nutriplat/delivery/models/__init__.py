"""Delivery tables: the fleet (depots, vans, drivers), client delivery windows, and
route plans with their routes and stops."""
from .fleet import ClientWindow, Depot, Driver, Van
from .plans import PlannedRoute, PlannedStop, RoutePlan

__all__ = ["ClientWindow", "Depot", "Driver", "PlannedRoute", "PlannedStop", "RoutePlan", "Van"]
