"""Who may do what with care facilities (``nutriplat.policy``).

The provider's admin describes the facilities it serves (sites, wards, rooms, the ward
staff of each ward) and their service agreements; a dietitian reads the wards to place a
client; ward staff read only the wards they are assigned to."""
from nutriplat.auth.roles import ADMIN, DIETITIAN, WARD_STAFF
from nutriplat.policy import Policy

POLICY = Policy("facilities", {
    "create_site": (ADMIN,),
    "list_sites": (ADMIN, DIETITIAN),
    "create_ward": (ADMIN,),
    "list_wards": (ADMIN, DIETITIAN, WARD_STAFF),
    "get_ward": (ADMIN, DIETITIAN, WARD_STAFF),
    "add_room": (ADMIN,),
    "assign_ward_staff": (ADMIN,),
    "create_agreement": (ADMIN,),
    "list_agreements": (ADMIN,),
    "get_agreement": (ADMIN,),
    "end_agreement": (ADMIN,),
})
