"""Request and response shapes of the catalogue API, one module per resource."""
