"""The app factory lives in ``nutriplat.app``: the package root, the pure domain, the
route optimiser and the scheduler's jobs can be imported without loading Flask."""
from __future__ import annotations

import subprocess
import sys

import pytest

FLASK_FREE = (
    "nutriplat",
    "nutriplat.screening.domain",
    "nutriplat.billing.domain",
    "nutriplat.periods",
    "nutriplat.access",
    "nutriplat.conflicts",
    "routing",
    "scheduler.schedule",
    "nutriplat.jobs.registry",
)


def _loads_flask(module: str) -> bool:
    # A fresh interpreter: this test process has Flask loaded already.
    probe = f"import sys, {module}; print('flask' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip() == "True"


@pytest.mark.parametrize("module", FLASK_FREE)
def test_importing_it_does_not_load_flask(module: str) -> None:
    assert not _loads_flask(module)


def test_the_app_factory_does_load_flask() -> None:
    # The probe itself works: the one module meant to load Flask does.
    assert _loads_flask("nutriplat.app")
