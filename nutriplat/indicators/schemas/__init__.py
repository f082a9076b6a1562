"""The indicators' request and response shapes, one module per resource."""

PERIOD = {"description": "A month (2026-09), a quarter (2026Q3) or a year (2026)."}
