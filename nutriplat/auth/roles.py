"""The vocabulary of who may do what."""
from typing import Final

ADMIN: Final = "admin"
DIETITIAN: Final = "dietitian"
LOGISTICS: Final = "logistics"
COFINANCER: Final = "cofinancer"
CAREGIVER: Final = "caregiver"
ROLES: Final = (ADMIN, DIETITIAN, LOGISTICS, COFINANCER, CAREGIVER)

# Staff of a provider organisation; they see that organisation's clients.
PROVIDER_STAFF: Final = (ADMIN, DIETITIAN, LOGISTICS)

ORGANISATION_TYPES: Final = ("provider", "referrer", "cofinancer", "supplier", "fund")

# Which organisation type a user of each role must belong to. An admin without an
# organisation is a platform administrator (manages organisations and users).
ROLE_ORGANISATION_TYPE: Final = {
    ADMIN: "provider",
    DIETITIAN: "provider",
    LOGISTICS: "provider",
    COFINANCER: "cofinancer",
    CAREGIVER: None,  # a family member belongs to no organisation
}
