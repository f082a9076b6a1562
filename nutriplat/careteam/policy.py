"""Who may do what with care teams and care alerts (``nutriplat.policy``).

The provider's care staff keep a client's care team (with the client's consent for each
member); the admin chooses who is told of which rule. Anyone told reads the alerts they
were told of, and any of them may acknowledge (the use cases say whose rows)."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, DIETITIAN, LOGISTICS, REFERRER
from nutriplat.policy import Policy

TOLD = (ADMIN, DIETITIAN, LOGISTICS, CAREGIVER, REFERRER)

POLICY = Policy("careteam", {
    "list_members": (ADMIN, DIETITIAN),
    "add_member": (ADMIN, DIETITIAN),
    "withdraw_member_consent": (ADMIN, DIETITIAN),
    "list_routes": (ADMIN, DIETITIAN),
    "set_route": (ADMIN,),
    "list_care_alerts": TOLD,
    "acknowledge_care_alert": TOLD,
})
