"""Request and response shapes of the clients API, one module per resource."""
