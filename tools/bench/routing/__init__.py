"""Benchmark against Solomon and Gehring-Homberger instances: ``python -m tools.bench.routing``."""
