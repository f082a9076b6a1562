"""Request and response shapes of the delivery API."""
