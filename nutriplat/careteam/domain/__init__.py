"""Who is told of an alert: the routes (rule → kinds of recipient) and the recipients
they name among a client's care team and the provider's staff. Plain values only."""
from nutriplat.careteam.domain.routing import (
    DEFAULT_ROUTES,
    MEMBER_KINDS,
    OPERATIONAL_RULES,
    RECIPIENT_KINDS,
    STAFF_KINDS,
    Member,
    Staff,
    recipients,
    route_errors,
)

__all__ = ["DEFAULT_ROUTES", "MEMBER_KINDS", "OPERATIONAL_RULES", "RECIPIENT_KINDS", "STAFF_KINDS", "Member",
           "Staff", "recipients", "route_errors"]
