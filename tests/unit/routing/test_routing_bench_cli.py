"""``python -m tools.bench.routing``: bad input ends in one clear line and exit 2, never a
traceback; good input prints the agreed JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.bench.routing.__main__ import main

# ``tools`` is a package of the repository, not installed: run from its root.
ROOT = Path(__file__).parents[3]


def c101_cut(data_file, tmp_path, customers: int = 10):
    """C101 with only its first customers, written as a Solomon file of its own."""
    lines = data_file("solomon", "C101.txt").read_text().splitlines()
    header = next(k for k, line in enumerate(lines) if line.split()[:1] == ["0"])
    path = tmp_path / "C101.txt"
    path.write_text("\n".join(lines[:header + 1 + customers]) + "\n")
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv, message", [
    (["missing.txt", "--time-limit", "1"], "missing.txt: no such file"),
    (["{good}", "--time-limit", "0"], "--time-limit must be greater than 0"),
    (["{good}", "--time-limit", "-3"], "--time-limit must be greater than 0"),
    (["{good}", "--time-limit", "soon"], "invalid float value"),
    (["{good}"], "required: --time-limit"),
    (["{bad}", "--time-limit", "1"], "not a readable"),
    (["{good}", "--time-limit", "1", "--cpu-time", "--compare"], "--cpu-time cannot be combined with --compare"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_two(capsys, tmp_path, data_file, argv, message):
    bad = tmp_path / "bad.vrp"
    bad.write_text("NAME : nothing useful\n")
    good = data_file("solomon", "C101.txt")
    argv = [a.format(good=good, bad=bad) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("tools.bench.routing: error:")


def test_bad_input_as_a_real_process_prints_no_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tools.bench.routing", str(tmp_path / "x.vrp"), "--time-limit", "1"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "no such file" in done.stderr


def test_json_gives_one_object_per_instance_with_routes_as_file_numbers(capsys, tmp_path, data_file):
    path = c101_cut(data_file, tmp_path)
    (tmp_path / "bks.csv").write_text("instance,routes,cost\nC101,1,100.0\n")
    code, out, err = run(capsys, str(path), str(path), "--time-limit", "0.5", "--json")
    assert code == 0 and "[2/2] C101" in err
    rows = json.loads(out)
    assert len(rows) == 2
    row = rows[0]
    assert set(row) == {"instance", "cost", "gap_percent", "seconds", "routes"}
    assert sorted(n for route in row["routes"] for n in route) == list(range(1, 11))
    assert row["gap_percent"] == pytest.approx(100 * (row["cost"] - 100) / 100, abs=0.01)


def test_text_output_shows_cost_gap_time_and_routes(capsys, tmp_path, data_file):
    path = c101_cut(data_file, tmp_path, customers=5)
    code, out, _ = run(capsys, str(path), "--time-limit", "0.5")
    assert code == 0
    assert "C101" in out and "cost" in out and "gap n/a" in out and "route 1:" in out


def test_a_cpu_time_limit_solves_every_customer(capsys, tmp_path, data_file):
    path = c101_cut(data_file, tmp_path)
    code, out, _ = run(capsys, str(path), "--time-limit", "0.3", "--cpu-time", "--json")
    assert code == 0
    assert sorted(n for route in json.loads(out)[0]["routes"] for n in route) == list(range(1, 11))
