"""Who may read a client's timeline (``nutriplat.policy``): the provider's care staff.
It joins clinical data of every area; caregivers follow the action plan and the items
given to them instead."""
from nutriplat.auth.roles import ADMIN, DIETITIAN
from nutriplat.policy import Policy

POLICY = Policy("timeline", {
    "read_timeline": (ADMIN, DIETITIAN),
})
