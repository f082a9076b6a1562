"""The portal's browser tests use the API tests' client at home (tests/api/portal/conftest.py)."""
from tests.api.portal.conftest import caregiver, client_account, home  # noqa: F401 - fixtures
