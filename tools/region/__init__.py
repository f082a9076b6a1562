"""The region scenario (issue 22): West Flanders at 20,000 clients, five depots, sixty vans
and forty care facilities with a year of history, loaded into PostgreSQL with bulk inserts
(``python -m tools.region``), and the nightly cycle measured on it
(``python -m tools.region.nightly``). A tool, not the demo: nothing in the service imports it."""
