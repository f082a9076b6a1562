"""Monitoring: early-warning rules and alerts, personal goals, experience surveys.

``handlers.py`` handles the domain events (``nutriplat.events``) that clients, screening
and inventory record when a weight, intake record, screening or delivery confirmation is
stored, inside their transaction; the nightly
``early-warning`` job (``sweep.py``) evaluates every client and reviews the goals."""
