"""Pages for the provider's own staff as employees (the staff survey)."""
