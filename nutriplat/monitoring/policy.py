"""Who may do what with early-warning alerts, personal goals and experience surveys
(``nutriplat.policy``). Which clients: ``clients.access`` (a caregiver's mandate)."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN
from nutriplat.policy import Policy

# The dietitian, a mandated caregiver and the client follow the client's goals and surveys.
CARE = (DIETITIAN, CAREGIVER, CLIENT)

POLICY = Policy("monitoring", {
    # An admin watches the organisation's alerts; the dietitian acts on them.
    "list_alerts": (ADMIN, DIETITIAN),
    "get_alert": (ADMIN, DIETITIAN),
    "acknowledge": (DIETITIAN,),
    "resolve": (DIETITIAN,),
    # Cases gather a client's alerts: the same readers; the dietitian snoozes and resolves.
    "list_cases": (ADMIN, DIETITIAN),
    "get_case": (ADMIN, DIETITIAN),
    "snooze_case": (DIETITIAN,),
    "resolve_case": (DIETITIAN,),
    # A client's own thresholds: read with the alerts, set by the dietitian with a reason.
    "list_thresholds": (ADMIN, DIETITIAN),
    "set_threshold": (DIETITIAN,),
    "list_goals": CARE,
    "set_goal": (DIETITIAN,),
    "report_progress": CARE,
    "cancel_goal": (DIETITIAN,),
    "list_surveys": CARE,
    "record_survey": CARE,
})
