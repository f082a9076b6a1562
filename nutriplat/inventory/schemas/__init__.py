"""The inventory API's shapes (one source for validation and the OpenAPI document)."""
