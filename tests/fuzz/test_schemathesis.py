"""Schemathesis against the live API (issue 14): the examples, coverage and fuzzing phases
with the checks that must hold on every route — no 5xx, every response as documented,
every invalid request refused in the one error shape, no operation open without a token.

As a dietitian on every operation (most of the API, and the refusals of the rest); as a
cofinancer on the operations open to cofinancers (their refusals elsewhere are the same
code the dietitian's run already goes through). Bounded per operation
(NUTRIPLAT_FUZZ_EXAMPLES) so each database takes a few minutes; the fixed seed
(NUTRIPLAT_FUZZ_SEED) makes a failure reproducible."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.demo.population import password_for

pytestmark = pytest.mark.fuzz

CHECKS = "not_a_server_error,response_schema_conformance,negative_data_rejection,ignored_auth"
# Revoking its own token would turn every later call into a 401.
EXCLUDED = "DELETE /api/v1/auth/token"
USERS = {"dietitian": "dietist.lien", "cofinancer": "cofinancier.els"}
EVERYTHING = ("dietitian",)


def _token(http, role: str) -> str:  # type: ignore[no-untyped-def]
    response = http.post("/api/v1/auth/token",
                         json={"username": USERS[role], "password": password_for(role)})
    assert response.status_code == 200, response.json
    return response.json["access_token"]


def _operations_of(http, role: str) -> list[str]:  # type: ignore[no-untyped-def]
    """"METHOD /path" of each operation whose documented roles include ``role``."""
    paths = http.get("/api/openapi.json").json["paths"]
    return [f"{method.upper()} {path}" for path, operations in paths.items()
            for method, operation in operations.items()
            if isinstance(operation, dict) and role in operation.get("description", "").split("Roles:")[-1]]


def _schemathesis(base_url: str, token: str, operations: list[str] | None,
                  workdir: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{base_url}/api/openapi.json",
        "--phases", "examples,coverage,fuzzing", "--checks", CHECKS,
        "--header", f"Authorization: Bearer {token}", "--exclude-name", EXCLUDED,
        "--max-examples", os.environ.get("NUTRIPLAT_FUZZ_EXAMPLES", "5"),
        "--seed", os.environ.get("NUTRIPLAT_FUZZ_SEED", "14"), "--workers", "1",
        "--request-timeout", "30", "--no-color", "--output-truncate", "true",
        "--generation-database", "none",  # no replay of earlier runs' findings: each run stands alone
        *[arg for name in operations or () for arg in ("--include-name", name)],
    ]
    # In a scratch directory: schemathesis keeps a cache (.schemathesis/) where it runs.
    return subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=workdir)


@pytest.mark.parametrize("role", sorted(USERS))
def test_schemathesis_finds_nothing(role, live_server, pilot, http, tmp_path):  # type: ignore[no-untyped-def]
    operations = None if role in EVERYTHING else _operations_of(http, role)
    run = _schemathesis(live_server, _token(http, role), operations, tmp_path)
    report = run.stdout[run.stdout.find("\n====") + 1:] if "\n====" in run.stdout else run.stdout
    # Each failure: the operation, the check, the response and a curl line to replay it.
    assert run.returncode == 0, f"schemathesis as a {role} found:\n{report[-30000:]}\n{run.stderr[-3000:]}"
