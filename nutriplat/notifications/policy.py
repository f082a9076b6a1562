"""Who may use the inbox (``nutriplat.policy``): everyone signed in has one, and sees only
their own notifications (the use cases say whose)."""
from nutriplat.auth.roles import ADMIN, ROLES
from nutriplat.policy import Policy

POLICY = Policy("notifications", {
    "list_notifications": ROLES,
    "read_notification": ROLES,
    "acknowledge_notification": ROLES,
    # The external sends and why one failed for good (deliveries.py): the admin's to follow up
    "list_deliveries": (ADMIN,),
})
