"""Who may do what with the job runs (``nutriplat.policy``)."""
from nutriplat.auth.roles import ADMIN, LOGISTICS
from nutriplat.policy import Policy

POLICY = Policy("jobs", {
    # Provider admins and logistics see each run's status; a platform admin also its
    # counts and error, which concern every organisation (services.list_runs).
    "list_runs": (ADMIN, LOGISTICS),
})
