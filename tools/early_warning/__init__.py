"""The early-warning evaluation: the demo population's clients live a number of days on
synthetic trajectories (``trajectories``) that produce the events that matter, the real
nightly early-warning job runs on every day of it (``replay``), and ``report`` measures the
cases against the events. ``python -m tools.early_warning --days 90 [--json]``."""
