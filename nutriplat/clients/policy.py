"""Who may do what with clients and their care records (``nutriplat.policy``).

The table says which roles; ``clients.access`` says whose rows: staff their
organisation's clients, a caregiver only the clients who mandated them and only within
the mandate's scopes (view, record, order); cofinancers never see a person."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN, LOGISTICS, WARD_STAFF
from nutriplat.policy import Policy

# Logistics reads a client's delivery details only (``clients.logistics_view``).
READERS = (ADMIN, DIETITIAN, LOGISTICS, CAREGIVER, CLIENT)
# The provider's care staff register clients and keep their record.
STAFF = (ADMIN, DIETITIAN)
# Who weighs and records meals: the dietitian, a caregiver with a 'record' mandate, the
# client themself.
CARE = (DIETITIAN, CAREGIVER, CLIENT)

POLICY = Policy("clients", {
    "list_clients": READERS,
    "get_client": READERS,
    "create_client": STAFF,
    # Before registering someone: the clients who are likely the same person.
    "find_duplicates": STAFF,
    "update_client": STAFF,
    "transfer": STAFF,
    "change_status": STAFF,
    # A caregiver sees the mandates and consents of the clients who mandated them.
    "list_mandates": (*STAFF, CAREGIVER, CLIENT),
    "give_mandate": STAFF,
    "withdraw_mandate": STAFF,
    "list_consents": (*STAFF, CAREGIVER, CLIENT),
    "give_consent": STAFF,
    # The client withdraws their own consents (cofinancer reporting, research: future reports).
    "withdraw_consent": (*STAFF, CLIENT),
    "list_measurements": CARE,
    "record_measurement": CARE,
    # Ward staff record what their residents ate, tray by tray (nutriplat.meals).
    "list_intake": (*CARE, WARD_STAFF),
    "record_intake": (*CARE, WARD_STAFF),
})
