"""The logistics pages: stock with expiry warnings, reorder proposals, the day's
delivery orders, route planning (launch, live progress, map, edits, publish,
manifests) and the driver's stop confirmation on a phone."""
