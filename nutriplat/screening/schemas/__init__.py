"""Request and response shapes of the screening API, one module per resource."""
