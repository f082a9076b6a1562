"""The Roeselare pilot demo: a generated population, persisted idempotently."""
