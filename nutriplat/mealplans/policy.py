"""Who may do what with diet profiles and meal plans (``nutriplat.policy``). Which
clients: ``clients.access``; a caregiver never sees a draft (``services.plan_of``)."""
from nutriplat.auth.roles import CAREGIVER, CLIENT, DIETITIAN
from nutriplat.policy import Policy

# Plans are health data: dietitians make and change them; caregivers with a view mandate
# read the client's profile and approved plans; admins, logistics and cofinancers do not.
READERS = (DIETITIAN, CAREGIVER, CLIENT)

POLICY = Policy("mealplans", {
    "get_profile": READERS,
    "put_profile": (DIETITIAN,),
    "list_plans": READERS,
    "get_plan": READERS,
    "history": READERS,
    "create_plan": (DIETITIAN,),
    "add_item": (DIETITIAN,),
    "change_item": (DIETITIAN,),
    "remove_item": (DIETITIAN,),
    "reoptimise": (DIETITIAN,),
    "approve": (DIETITIAN,),
    "revise": (DIETITIAN,),
    "fhir_order": (DIETITIAN,),  # the approved plan as a FHIR NutritionOrder
    # The weekly batch of drafts for everyone: only the scheduler and the CLI (SYSTEM).
    "plan_all": (),
})
