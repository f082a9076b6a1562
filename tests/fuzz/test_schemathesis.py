"""Schemathesis against the live API (issue 14): the examples, coverage and fuzzing phases
as a dietitian and as a cofinancer, with the checks that hold on every route — no 5xx,
every response as documented, every invalid request refused, no operation open without
a token. Bounded per operation (NUTRIPLAT_FUZZ_EXAMPLES) so both databases stay at a few
minutes; the fixed seed makes a failure reproducible."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nutriplat.demo.population import password_for

pytestmark = pytest.mark.fuzz

CHECKS = "not_a_server_error,response_schema_conformance,negative_data_rejection,ignored_auth"
# Revoking its own token would turn every later call into a 401.
EXCLUDED = ("DELETE /api/v1/auth/token",)
USERS = {"dietitian": "dietist.lien", "cofinancer": "cofinancier.els"}


def _token(http, role: str) -> str:  # type: ignore[no-untyped-def]
    response = http.post("/api/v1/auth/token",
                         json={"username": USERS[role], "password": password_for(role)})
    assert response.status_code == 200, response.json
    return response.json["access_token"]


def _schemathesis(base_url: str, token: str, report: Path) -> subprocess.CompletedProcess[str]:
    examples = os.environ.get("NUTRIPLAT_FUZZ_EXAMPLES", "8")
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{base_url}/api/openapi.json",
        "--phases", "examples,coverage,fuzzing", "--checks", CHECKS,
        "--header", f"Authorization: Bearer {token}", "--max-examples", examples,
        "--seed", os.environ.get("NUTRIPLAT_FUZZ_SEED", "14"), "--workers", "1",
        "--request-timeout", "30", "--no-color", "--output-truncate", "true",
        "--report", "ndjson", "--report-ndjson-path", str(report),
        *[arg for name in EXCLUDED for arg in ("--exclude-name", name)],
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": ""}
    return subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)


@pytest.mark.parametrize("role", sorted(USERS))
def test_schemathesis_finds_nothing(role, live_server, pilot, http, tmp_path):  # type: ignore[no-untyped-def]
    run = _schemathesis(live_server, _token(http, role), tmp_path / "events.ndjson")
    if os.environ.get("NUTRIPLAT_FUZZ_OUTPUT"):
        Path(os.environ["NUTRIPLAT_FUZZ_OUTPUT"] + f".{role}").write_text(run.stdout + run.stderr)
    assert run.returncode == 0, f"schemathesis as a {role} found failures:\n{run.stdout[-20000:]}\n{run.stderr[-3000:]}"
