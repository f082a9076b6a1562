"""Benchmark against Solomon and Gehring-Homberger instances: ``python -m routing.bench``."""
