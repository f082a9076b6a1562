"""The portal's API tests use the client at home (tests/api/portal/home_world.py)."""
from tests.api.portal.home_world import caregiver as caregiver
from tests.api.portal.home_world import client_account as client_account
from tests.api.portal.home_world import home as home
