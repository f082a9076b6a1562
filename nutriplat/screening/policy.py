"""Who may do what with screenings, assessments, targets and the re-screening work
(``nutriplat.policy``). Which clients: ``clients.access`` (a caregiver's mandate)."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, DIETITIAN
from nutriplat.policy import Policy

# Screening and assessing is a dietitian's clinical act; a mandated caregiver reads the
# results and the targets that follow from them.
READERS = (DIETITIAN, CAREGIVER)

POLICY = Policy("screening", {
    "history": READERS,  # a client's screenings or GLIM assessments
    "get_screening": READERS,
    "get_assessment": READERS,
    "record_screening": (DIETITIAN,),
    "record_assessment": (DIETITIAN,),
    "export_screening": (DIETITIAN,),  # as a FHIR Observation
    "get_targets": READERS,
    "override_targets": (DIETITIAN,),
    "override_history": (DIETITIAN,),
    "suggestion": (DIETITIAN,),  # which instrument to screen with
    "due_before": (DIETITIAN,),  # the re-screening work list by due date
    # The nightly listing's tasks: an admin follows up the organisation's backlog.
    "list_tasks": (ADMIN, DIETITIAN),
})
