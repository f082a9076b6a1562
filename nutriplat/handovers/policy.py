"""Who may read a client's handovers (``nutriplat.policy``).

The table says which roles; ``clients.access`` says whose: the provider's care staff
their organisation's clients, a caregiver those who mandated them with the 'view' scope.
Logistics delivers food and needs no care record."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, DIETITIAN
from nutriplat.policy import Policy

POLICY = Policy("handovers", {
    "list_handovers": (ADMIN, DIETITIAN, CAREGIVER),
    # One handover as a printable page, for the receiving setting's file.
    "get_handover": (ADMIN, DIETITIAN, CAREGIVER),
})
