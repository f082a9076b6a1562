"""The portal's pages use the API tests' client at home (tests/api/portal/home_world.py), and
the client signed in through the login form in English (``maria_web``)."""
import pytest

from tests.api.portal.home_world import caregiver as caregiver
from tests.api.portal.home_world import client_account as client_account
from tests.api.portal.home_world import home as home
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def maria_web(web, client_account):
    browser = web()
    browser.login("client.maria", TEST_PASSWORD, lang="en-GB")
    return browser
