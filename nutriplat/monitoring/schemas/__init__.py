"""Request and response shapes of the monitoring API, one module per resource."""
