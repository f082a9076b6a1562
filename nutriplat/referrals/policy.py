"""Who may do what with referrals (``nutriplat.policy``).

The table says which roles; the use cases say whose rows: a referrer their own
organisation's referrals (and of each only the referral, never the client record), the
provider's staff the referrals sent to their organisation (the inbox)."""
from nutriplat.auth.roles import ADMIN, DIETITIAN, REFERRER
from nutriplat.policy import Policy

# The provider's care staff triage and decide; accepting registers a client, which is
# theirs to do (clients' create_client).
TRIAGE = (ADMIN, DIETITIAN)

POLICY = Policy("referrals", {
    "refer": (REFERRER,),
    "list_referrals": (REFERRER, *TRIAGE),
    "get_referral": (REFERRER, *TRIAGE),
    "triage": TRIAGE,
    "accept": TRIAGE,
    "decline": TRIAGE,
})
