"""Benchmarks (figures, not tests), one module per area: ``python -m tools.bench.<area>``."""
