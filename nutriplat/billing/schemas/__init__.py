"""The API shape of billing (single source for validation and OpenAPI)."""
