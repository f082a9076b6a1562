"""Monitoring: early-warning rules and alerts, personal goals, experience surveys.

Other services call ``nutriplat.monitoring.hooks`` inside their transaction when a
measurement, intake record, screening or delivery confirmation is stored; the nightly
``early-warning`` job (``sweep.py``) evaluates every client and reviews the goals."""
