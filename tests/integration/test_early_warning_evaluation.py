"""``python -m nutriplat.monitoring.evaluate --days N --json``: from a checkout's root it
hands over to the repository's tool, which replays the demo population through the
nightly early-warning job and prints one JSON object with the figures."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_evaluation_prints_one_json_object_with_the_figures():
    done = subprocess.run([sys.executable, "-m", "nutriplat.monitoring.evaluate", "--days", "4", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"cases_per_100_clients_week", "sensitivity", "median_lead_days", "precision_proxy"} <= set(result)
    assert result["days"] == 4 and result["clients"] > 100


def test_an_unknown_parameter_is_refused_by_name(tmp_path):
    done = subprocess.run([sys.executable, "-m", "nutriplat.monitoring.evaluate", "--set", "nonsense=1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "nonsense" in done.stderr
    elsewhere = subprocess.run([sys.executable, "-m", "nutriplat.monitoring.evaluate", "--days", "4"],
                               cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert elsewhere.returncode == 2 and "root of a checkout" in elsewhere.stderr
