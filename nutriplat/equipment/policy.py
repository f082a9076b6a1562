"""Who may do what with rented equipment (``nutriplat.policy``): logistics keeps the
assets, plans installs and collections, records breakdowns (reported by the client, the
driver or staff) and closes repair jobs."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, LOGISTICS
from nutriplat.policy import Policy

KEEPERS = (ADMIN, LOGISTICS)

POLICY = Policy("equipment", {
    # assets (assets.py)
    "list_assets": KEEPERS,
    "get_asset": KEEPERS,
    "register_asset": KEEPERS,
    "update_asset": KEEPERS,
    # installs and collections (tasks.py): planned here, carried out as route stops
    "list_tasks": KEEPERS,
    "schedule_install": KEEPERS,
    "schedule_collect": KEEPERS,
    "cancel_task": KEEPERS,
    "confirm_task": KEEPERS,
    # breakdowns and repair jobs (repairs.py)
    "report_breakdown": KEEPERS,
    "list_repairs": KEEPERS,
    "close_repair": KEEPERS,
    # a breakdown reported from home (home_breakdowns.py): the client, a caregiver with a mandate
    "report_from_home": (*KEEPERS, CLIENT, CAREGIVER),
})
