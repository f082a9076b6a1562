"""Who may do what on the information platform (``nutriplat.policy``).

Admins keep the library; the dietitian reads it and assigns items; a caregiver sees only
what was assigned to the clients who mandated them (to the client or to them) and marks it
read; the client sees and marks what was assigned to them (issue 17). ``clients.access``
decides whose clients."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN
from nutriplat.policy import Policy

POLICY = Policy("content", {
    "list_content_items": (ADMIN, DIETITIAN, CAREGIVER),
    "get_content_item": (ADMIN, DIETITIAN, CAREGIVER),
    "add_content_item": (ADMIN,),
    "update_content_item": (ADMIN,),
    "assign_content": (ADMIN, DIETITIAN),
    "list_content_assignments": (ADMIN, DIETITIAN, CAREGIVER, CLIENT),
    "mark_content_read": (CAREGIVER, CLIENT),
})
