"""Who may do what in the coaching tool (``nutriplat.policy``).

The dietitian plans and holds sessions; the client's caregivers read the sessions'
agreed actions as the action plan and tick them off (their mandate's 'record' scope).
Session notes are the dietitian's clinical record: a caregiver sees the actions, not the notes."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, DIETITIAN
from nutriplat.policy import Policy

POLICY = Policy("coaching", {
    "record_coaching_session": (DIETITIAN,),
    "list_coaching_sessions": (ADMIN, DIETITIAN),
    "hold_coaching_session": (DIETITIAN,),
    "read_action_plan": (ADMIN, DIETITIAN, CAREGIVER),
    "tick_off_action": (DIETITIAN, CAREGIVER),
})
