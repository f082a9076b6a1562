"""Who may do what in the client's and caregiver's portal (``nutriplat.policy``). Which
client: ``clients.access`` (the client only themself, a caregiver their mandates)."""
from nutriplat.auth.roles import CAREGIVER, CLIENT, DIETITIAN
from nutriplat.policy import Policy

# The person's own side, and the dietitian who answers them.
THREAD = (DIETITIAN, CAREGIVER, CLIENT)

POLICY = Policy("portal", {
    # The client's dietitian invites them to an account (a one-time code, shown once);
    # redeeming the code needs no account yet (invitations.redeem).
    "invite_client": (DIETITIAN,),
    # The message thread between the client's side and the dietitian (messages.py)
    "list_messages": THREAD,
    "send_message": THREAD,
    "unread_messages": (DIETITIAN,),
    # What the portal's pages show and the record as a FHIR R4 Bundle (overview.py, my_data.py)
    "overview": (CAREGIVER, CLIENT),
    "my_data": (CAREGIVER, CLIENT),
})
