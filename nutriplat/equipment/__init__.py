"""Rented equipment (issue 20 item 3): freezers and regeneration ovens as assets, their
installs and collections as route stops, breakdowns and repair jobs."""
