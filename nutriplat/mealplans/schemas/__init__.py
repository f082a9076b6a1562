"""Request and response shapes of the meal-planning API, one module per resource."""
