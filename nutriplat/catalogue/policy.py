"""Who may do what with the dish catalogue (``nutriplat.policy``)."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN, LOGISTICS
from nutriplat.policy import Policy

# A catalogue holds no personal data: every staff role reads it, and a caregiver with an
# order mandate orders from it, as does the client; cofinancers have no use for it.
READERS = (ADMIN, DIETITIAN, LOGISTICS, CAREGIVER, CLIENT)
# The admins of a dish's owner edit it (``catalogue.ownership`` says which dishes).
EDITORS = (ADMIN,)

POLICY = Policy("catalogue", {
    "list_dishes": READERS,
    "get_dish": READERS,
    "get_variant": READERS,
    "list_versions": READERS,
    "create_dish": EDITORS,
    "update_dish": EDITORS,
    "withdraw_dish": EDITORS,
    # An allergen change or a new texture waits for a second admin of the owner.
    "add_variant": EDITORS,
    "revise_variant": EDITORS,
    "withdraw_variant": EDITORS,
    "list_changes": (ADMIN,),
    "get_change": (ADMIN,),
    "approve": (ADMIN,),
    "reject": (ADMIN,),
})
