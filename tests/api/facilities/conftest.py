"""The ward tests' crate on its way (tests/api/facilities/ward_world.py), as fixtures of this directory."""
from tests.api.facilities.ward_world import at_the_door as at_the_door
from tests.api.facilities.ward_world import crate as crate
from tests.api.facilities.ward_world import delivered as delivered
from tests.api.facilities.ward_world import recalled as recalled
