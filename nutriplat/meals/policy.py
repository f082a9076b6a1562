"""Who may do what in meal service (``nutriplat.policy``).

The table says which roles; ``clients.access`` says whose: the provider's care staff
their organisation's clients, a caregiver those who mandated them ('view'), the client
themself, ward staff the residents of their own wards only, and of them only what meal
service needs."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN, WARD_STAFF
from nutriplat.policy import Policy

POLICY = Policy("meals", {
    # A client's meals of a day, whatever the setting (home stock, ward order, hospital kitchen).
    "client_meals": (ADMIN, DIETITIAN, WARD_STAFF, CAREGIVER, CLIENT),
    # A ward's trays of a day and meal moment, and their printable labels.
    "tray_list": (ADMIN, DIETITIAN, WARD_STAFF),
    # What was eaten of a tray: intake, as a caregiver's record is.
    "record_tray": (DIETITIAN, WARD_STAFF),
})
