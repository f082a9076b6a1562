"""The inventory's HTTP API: one flask-smorest Blueprint (``blp``) per module."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, DIETITIAN, LOGISTICS

STOCK_KEEPERS = (ADMIN, LOGISTICS)
# A client's home stock: logistics, the dietitian, and caregivers with a view mandate.
HOME_READERS = (ADMIN, DIETITIAN, LOGISTICS, CAREGIVER)
