"""The APScheduler process (``python -m scheduler``): nightly and monthly jobs.
Each job calls the same service functions as the API and ``nutriplat jobs run``."""
