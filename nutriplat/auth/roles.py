"""The vocabulary of who may do what."""
from typing import Final

ADMIN: Final = "admin"
DIETITIAN: Final = "dietitian"
LOGISTICS: Final = "logistics"
COFINANCER: Final = "cofinancer"
CAREGIVER: Final = "caregiver"
# A GP practice's, hospital's or home-nursing service's user who refers people to a
# provider and follows their own referrals, never the client record (nutriplat.referrals).
REFERRER: Final = "referrer"
# A user of the development fund organisation: reads the fund's contributions and balance.
FUND: Final = "fund"
# The person themself, invited by their dietitian: an account tied to their own client
# record (``users.client_id``); they see only themselves (clients.access).
CLIENT: Final = "client"
# The person's own side (the client, a mandated caregiver): approved work only, no drafts.
PERSONAL: Final = (CAREGIVER, CLIENT)
# Staff of a nursing-home or hospital ward (a care_facility organisation's user, assigned
# to wards): today's trays and intake of their ward's residents, nothing else (nutriplat.facilities).
WARD_STAFF: Final = "ward_staff"
ROLES: Final = (ADMIN, DIETITIAN, LOGISTICS, COFINANCER, CAREGIVER, REFERRER, FUND, CLIENT, WARD_STAFF)

# Staff of a provider organisation; they see that organisation's clients.
PROVIDER_STAFF: Final = (ADMIN, DIETITIAN, LOGISTICS)

ORGANISATION_TYPES: Final = ("provider", "referrer", "cofinancer", "supplier", "fund", "care_facility")

# Which organisation type a user of each role must belong to. An admin without an
# organisation is a platform administrator (manages organisations and users).
ROLE_ORGANISATION_TYPE: Final = {
    ADMIN: "provider",
    DIETITIAN: "provider",
    LOGISTICS: "provider",
    COFINANCER: "cofinancer",
    # A family member: the provider whose admin made the account manages it (lists,
    # deactivates it), or none when the platform admin made it. Mandates, never the
    # organisation, decide which clients a caregiver sees (clients.access).
    CAREGIVER: "provider",
    REFERRER: "referrer",
    FUND: "fund",
    # The client's provider: the organisation of the client record the account is tied to.
    CLIENT: "provider",
    WARD_STAFF: "care_facility",
}
